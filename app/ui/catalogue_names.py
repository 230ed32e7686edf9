"""Display names of stored codes: statuses, categories, event types, roles, report headings,
enterprise sizes and industry sections (app.domain.catalogue, report_sections, enterprise_size,
industry_data).  Stored codes and the Chinese labels the services return never change; only what
is shown is translated, here, at the edge: item models and pick-list boxes pass their text through
`shown`.  A text that is not one of these names (an enterprise's name, a category HQ added) comes
back as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Catalogue"

# Spelled out for pyside6-lupdate; tests/ui/test_english_pages.py keeps it equal to the domain's lists.
NAMES: tuple[str, ...] = (
    # catalogue: statuses, categories, channels, fees, event types, roles, stages, theme months
    QT_TRANSLATE_NOOP("Catalogue", "来访"),
    QT_TRANSLATE_NOOP("Catalogue", "电话"),
    QT_TRANSLATE_NOOP("Catalogue", "线上"),
    QT_TRANSLATE_NOOP("Catalogue", "上门"),
    QT_TRANSLATE_NOOP("Catalogue", "受理"),
    QT_TRANSLATE_NOOP("Catalogue", "分派"),
    QT_TRANSLATE_NOOP("Catalogue", "处理"),
    QT_TRANSLATE_NOOP("Catalogue", "反馈"),
    QT_TRANSLATE_NOOP("Catalogue", "办结"),
    QT_TRANSLATE_NOOP("Catalogue", "回访"),
    QT_TRANSLATE_NOOP("Catalogue", "初创期"),
    QT_TRANSLATE_NOOP("Catalogue", "成长期"),
    QT_TRANSLATE_NOOP("Catalogue", "成熟期"),
    QT_TRANSLATE_NOOP("Catalogue", "正常"),
    QT_TRANSLATE_NOOP("Catalogue", "注销/停业"),
    QT_TRANSLATE_NOOP("Catalogue", "迁出"),
    QT_TRANSLATE_NOOP("Catalogue", "培训"),
    QT_TRANSLATE_NOOP("Catalogue", "沙龙"),
    QT_TRANSLATE_NOOP("Catalogue", "对话"),
    QT_TRANSLATE_NOOP("Catalogue", "讲座"),
    QT_TRANSLATE_NOOP("Catalogue", "研讨"),
    QT_TRANSLATE_NOOP("Catalogue", "论坛"),
    QT_TRANSLATE_NOOP("Catalogue", "政策宣贯会"),
    QT_TRANSLATE_NOOP("Catalogue", "对接会"),
    QT_TRANSLATE_NOOP("Catalogue", "免费"),
    QT_TRANSLATE_NOOP("Catalogue", "低收费"),
    QT_TRANSLATE_NOOP("Catalogue", "有偿"),
    QT_TRANSLATE_NOOP("Catalogue", "在驻"),
    QT_TRANSLATE_NOOP("Catalogue", "暂停"),
    QT_TRANSLATE_NOOP("Catalogue", "已退出"),
    QT_TRANSLATE_NOOP("Catalogue", "政策咨询"),
    QT_TRANSLATE_NOOP("Catalogue", "财税服务"),
    QT_TRANSLATE_NOOP("Catalogue", "知识产权"),
    QT_TRANSLATE_NOOP("Catalogue", "投融资"),
    QT_TRANSLATE_NOOP("Catalogue", "法律服务"),
    QT_TRANSLATE_NOOP("Catalogue", "人力资源与人才"),
    QT_TRANSLATE_NOOP("Catalogue", "数字化转型"),
    QT_TRANSLATE_NOOP("Catalogue", "市场开拓"),
    QT_TRANSLATE_NOOP("Catalogue", "创业服务"),
    QT_TRANSLATE_NOOP("Catalogue", "其他"),
    QT_TRANSLATE_NOOP("Catalogue", "站长/负责人"),
    QT_TRANSLATE_NOOP("Catalogue", "服务专员"),
    QT_TRANSLATE_NOOP("Catalogue", "政策主题月"),
    QT_TRANSLATE_NOOP("Catalogue", "财税主题月"),
    QT_TRANSLATE_NOOP("Catalogue", "知识产权主题月"),
    # report_sections: section headings, plan indicators, report statuses
    QT_TRANSLATE_NOOP("Catalogue", "重点产业发展情况"),
    QT_TRANSLATE_NOOP("Catalogue", "重点企业发展情况"),
    QT_TRANSLATE_NOOP("Catalogue", "企业服务需求受理及解决情况"),
    QT_TRANSLATE_NOOP("Catalogue", "存在问题"),
    QT_TRANSLATE_NOOP("Catalogue", "工作亮点"),
    QT_TRANSLATE_NOOP("Catalogue", "服务企业数（家）"),
    QT_TRANSLATE_NOOP("Catalogue", "服务记录（次）"),
    QT_TRANSLATE_NOOP("Catalogue", "举办活动（场）"),
    QT_TRANSLATE_NOOP("Catalogue", "活动参与企业（家次）"),
    QT_TRANSLATE_NOOP("Catalogue", "活动参与（人次）"),
    QT_TRANSLATE_NOOP("Catalogue", "办结需求（项）"),
    QT_TRANSLATE_NOOP("Catalogue", "满意率（%）"),
    QT_TRANSLATE_NOOP("Catalogue", "总体目标"),
    QT_TRANSLATE_NOOP("Catalogue", "主要措施"),
    QT_TRANSLATE_NOOP("Catalogue", "需要服务总站协调支持的事项"),
    QT_TRANSLATE_NOOP("Catalogue", "草稿"),
    QT_TRANSLATE_NOOP("Catalogue", "已提交"),
    QT_TRANSLATE_NOOP("Catalogue", "已通过"),
    QT_TRANSLATE_NOOP("Catalogue", "已退回"),
    QT_TRANSLATE_NOOP("Catalogue", "主要工作开展情况"),
    QT_TRANSLATE_NOOP("Catalogue", "工作亮点与典型案例"),
    QT_TRANSLATE_NOOP("Catalogue", "存在的问题与困难"),
    QT_TRANSLATE_NOOP("Catalogue", "下一步工作措施"),
    # enterprise sizes and GB/T 4754 sections
    QT_TRANSLATE_NOOP("Catalogue", "大型"),
    QT_TRANSLATE_NOOP("Catalogue", "中型"),
    QT_TRANSLATE_NOOP("Catalogue", "小型"),
    QT_TRANSLATE_NOOP("Catalogue", "微型"),
    QT_TRANSLATE_NOOP("Catalogue", "农、林、牧、渔业"),
    QT_TRANSLATE_NOOP("Catalogue", "采矿业"),
    QT_TRANSLATE_NOOP("Catalogue", "制造业"),
    QT_TRANSLATE_NOOP("Catalogue", "电力、热力、燃气及水生产和供应业"),
    QT_TRANSLATE_NOOP("Catalogue", "建筑业"),
    QT_TRANSLATE_NOOP("Catalogue", "批发和零售业"),
    QT_TRANSLATE_NOOP("Catalogue", "交通运输、仓储和邮政业"),
    QT_TRANSLATE_NOOP("Catalogue", "住宿和餐饮业"),
    QT_TRANSLATE_NOOP("Catalogue", "信息传输、软件和信息技术服务业"),
    QT_TRANSLATE_NOOP("Catalogue", "金融业"),
    QT_TRANSLATE_NOOP("Catalogue", "房地产业"),
    QT_TRANSLATE_NOOP("Catalogue", "租赁和商务服务业"),
    QT_TRANSLATE_NOOP("Catalogue", "科学研究和技术服务业"),
    QT_TRANSLATE_NOOP("Catalogue", "水利、环境和公共设施管理业"),
    QT_TRANSLATE_NOOP("Catalogue", "居民服务、修理和其他服务业"),
    QT_TRANSLATE_NOOP("Catalogue", "教育"),
    QT_TRANSLATE_NOOP("Catalogue", "卫生和社会工作"),
    QT_TRANSLATE_NOOP("Catalogue", "文化、体育和娱乐业"),
    QT_TRANSLATE_NOOP("Catalogue", "公共管理、社会保障和社会组织"),
    QT_TRANSLATE_NOOP("Catalogue", "国际组织"),
)


def shown(text: str) -> str:
    """`text` as the user's language shows it."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
