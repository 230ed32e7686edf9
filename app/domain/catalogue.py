"""Pick-lists with their Chinese labels.  Codes are stored; labels are shown.

Service categories are configurable (HQ publishes the list); these are the
defaults a fresh station starts with.
"""

from __future__ import annotations

SERVICE_CATEGORIES: dict[str, str] = {
    "policy": "政策咨询",
    "finance_tax": "财税服务",
    "ip": "知识产权",
    "financing": "投融资",
    "legal": "法律服务",
    "hr_talent": "人力资源与人才",
    "digital": "数字化转型",
    "market": "市场开拓",
    "startup": "创业服务",
    "other": "其他",
}

CHANNELS: dict[str, str] = {"walk_in": "来访", "phone": "电话", "online": "线上", "on_site": "上门"}

FEE_TYPES: dict[str, str] = {"free": "免费", "low_fee": "低收费", "paid": "有偿"}

EVENT_TYPES: dict[str, str] = {
    "training": "培训",
    "salon": "沙龙",
    "dialogue": "对话",
    "lecture": "讲座",
    "seminar": "研讨",
    "forum": "论坛",
    "policy_briefing": "政策宣贯会",
    "matchmaking": "对接会",
}

THEME_MONTHS: dict[str, str] = {"policy": "政策主题月", "finance_tax": "财税主题月", "ip": "知识产权主题月"}

DEMAND_STATUSES: dict[str, str] = {
    "accepted": "受理",
    "dispatched": "分派",
    "handling": "处理",
    "replied": "反馈",
    "closed": "办结",
    "followed_up": "回访",
}

ENTERPRISE_STATUSES: dict[str, str] = {"active": "正常", "closed": "注销/停业", "moved": "迁出"}

STAFF_ROLES: dict[str, str] = {"manager": "站长/负责人", "staff": "服务专员"}

ENTERPRISE_STAGES: dict[str, str] = {"startup": "初创期", "growth": "成长期", "mature": "成熟期"}

INSTITUTION_STATUSES: dict[str, str] = {"active": "在驻", "suspended": "暂停", "exited": "已退出"}
