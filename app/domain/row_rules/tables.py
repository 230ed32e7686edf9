"""The rule of every synced column, per table: the one definition HQ checks pushed rows
against and the station's services take their limits from.

The columns are the `data` keys of wire rows (docs/sync-protocol.md): every column of the
station's model except `id`, `station_id`, `version`, `deleted` and local-only columns.
tests/domain/test_row_rules.py checks this against the ORM models: every synced column has
a rule, nullability and required keys agree, and no text limit is looser than its column.
Enumerations come from app.domain.catalogue and friends, never a copy.
"""

from __future__ import annotations

from app.domain import districts
from app.domain.catalogue import (
    CHANNELS,
    DEMAND_STATUSES,
    ENTERPRISE_STAGES,
    ENTERPRISE_STATUSES,
    EVENT_TYPES,
    FEE_TYPES,
    INSTITUTION_STATUSES,
    STAFF_ROLES,
)
from app.domain.enterprise_size import Size
from app.domain.industry_data import SECTIONS
from app.domain.report_sections import REPORT_STATUSES
from app.domain.row_rules.fields import MAX_NAME_CHARS as NAME
from app.domain.row_rules.fields import FieldRule, Kind, choice, of, text

AMOUNT_LIMIT = "999999999999999.99"  # 万元 / 元: below 10^15, as app.domain.text_normalise parses
COUNT_LIMIT = 10**15 - 1
MAX_MINUTES = 1440  # one service's preparation or contact time: one day
MAX_WALK_INS = 100_000
REPORT_KINDS = ("summary", "plan")

TableRules = dict[str, FieldRule]


def _stamps() -> TableRules:
    return {"created_at": of("创建时间", Kind.TIMESTAMP), "updated_at": of("修改时间", Kind.TIMESTAMP)}


def _uuid(label: str, *, required: bool = False) -> FieldRule:
    return of(label, Kind.UUID, required=required, nullable=not required)


def _date(label: str, *, required: bool = False) -> FieldRule:
    return of(label, Kind.DATE, required=required, nullable=not required)


def _moment(label: str, *, required: bool = False) -> FieldRule:
    return of(label, Kind.TIMESTAMP, required=required, nullable=not required)


def _satisfaction(kind: Kind = Kind.INTEGER) -> FieldRule:
    return of("满意度", kind, nullable=True, minimum=1, maximum=5)


ENTERPRISE: TableRules = {
    "credit_code": FieldRule("统一社会信用代码", Kind.CREDIT_CODE, nullable=True, max_len=18),
    "credit_code_warning": of("信用代码校验位待复核", Kind.BOOLEAN),
    "name": text("企业名称", NAME, required=True),
    "name_initials": text("名称拼音首字母", NAME),
    "industry_section": choice("行业门类", SECTIONS, nullable=True),
    "industry_code": text("行业代码", 5, nullable=True),
    "district": choice("所在区", districts.NAMES, nullable=True),
    "address": text("地址", 300),
    "legal_representative": text("法定代表人", 100),
    "contact_name": text("联系人", 100),
    "contact_phone": text("联系电话", 50),
    "employees": of("从业人员（人）", Kind.INTEGER, nullable=True, minimum=0, maximum=COUNT_LIMIT),
    "revenue": of("营业收入（万元）", Kind.DECIMAL, nullable=True, minimum=0, maximum=AMOUNT_LIMIT),
    "assets": of("资产总额（万元）", Kind.DECIMAL, nullable=True, minimum=0, maximum=AMOUNT_LIMIT),
    "size_year": of("规模数据年份", Kind.INTEGER, nullable=True, minimum=1949, maximum=9999),
    "size": choice("企业规模", [s.value for s in Size], nullable=True),
    "status": choice("经营状态", ENTERPRISE_STATUSES),
    "notes": text("备注", 2000),
}

STATION: TableRules = {
    "code": text("服务站编码", 32, required=True),
    "name": text("服务站名称", NAME, required=True),
    "district": text("所在区", 20, required=True),
    "host_organisation": text("依托单位", NAME),
    "address": text("地址", 300),
    "phone": text("联系电话", 50),
    "status": text("服务站状态", 20),
    "signage_hung_on": _date("挂牌日期"),
    "work_rules_filed_on": _date("工作制度备案日期"),
    "premises": text("服务场所", 2000),
    "equipment": text("设施设备", 2000),
    "contact_person": text("联系人", 100),
}

REFERENCE: dict[str, TableRules] = {
    "policy": {
        "title": text("政策标题", 300, required=True),
        "category": text("政策类别", 40, required=True),
        "issuer": text("发文单位", NAME),
        "issued_on": _date("发布日期"),
        "expires_on": _date("有效期至"),
        "industries": text("适用行业"),
        "sizes": text("适用规模", 100),
        "districts": text("适用区域"),
        "summary": text("政策要点"),
        "attachment": text("附件", 300, nullable=True),
    },
    "service_institution": {
        "name": text("机构名称", NAME, required=True),
        "category": text("服务类别", 40),
        "contact_name": text("联系人", 100),
        "phone": text("联系电话", 50),
        "entered_on": _date("入驻日期"),
        "exited_on": _date("退出日期"),
        "status": choice("入驻状态", INSTITUTION_STATUSES),
        "exit_reason": text("退出原因", 1000),
    },
    "catalogue_entry": {
        "institution_id": _uuid("服务机构", required=True),
        "title": text("服务项目", NAME, required=True),
        "stage": choice("适用阶段", ENTERPRISE_STAGES, required=True),
        "category": text("服务类别", 40, required=True),
        "fee_type": choice("收费方式", FEE_TYPES),
        "description": text("服务内容", 2000),
    },
    "expert": {
        "name": text("专家姓名", 100, required=True),
        "organisation": text("所在单位", NAME),
        "title": text("职称", 100),
        "fields": text("擅长领域"),
        "phone": text("联系电话", 50),
    },
    "pick_list_item": {
        "list_name": text("选项表", 40, required=True),
        "code": text("选项编码", 40, required=True),
        "label": text("选项名称", 100, required=True),
        "label_en": text("英文名称", 100),
        "sort_order": of("排序", Kind.INTEGER, minimum=-(2**31), maximum=2**31 - 1),
        "active": of("启用", Kind.BOOLEAN),
    },
}

STATION_OWNED: dict[str, TableRules] = {
    "staff_member": {
        "name": text("姓名", 100, required=True),
        "phone": text("联系电话", 50),
        "role": choice("岗位", STAFF_ROLES),
        "full_time": of("专职", Kind.BOOLEAN),
        "start_date": _date("到岗日期"),
        "end_date": _date("离岗日期"),
        "trainings": text("培训情况", 4000),
    },
    "service_record": {
        "enterprise_id": _uuid("服务企业", required=True),
        "service_date": _date("服务日期", required=True),
        "category": text("服务类别", 40, required=True),
        "channel": choice("服务方式", CHANNELS),
        "prep_minutes": of("准备时长（分钟）", Kind.INTEGER, minimum=0, maximum=MAX_MINUTES),
        "contact_minutes": of("服务时长（分钟）", Kind.INTEGER, minimum=0, maximum=MAX_MINUTES),
        "fee_type": choice("收费方式", FEE_TYPES),
        "fee": of("收费金额（元）", Kind.DECIMAL, nullable=True, minimum=0, maximum=AMOUNT_LIMIT),
        "staff_id": _uuid("接待人员"),
        "institution_id": _uuid("服务机构"),
        "expert_id": _uuid("专家"),
        "policy_id": _uuid("政策"),
        "summary": text("服务内容", 4000),
        "outcome": text("服务结果", 4000),
        "satisfaction": _satisfaction(),
        "follow_up_on": _date("回访日期"),
        "reportable": of("计入报送", Kind.BOOLEAN),
    },
    "demand": {
        "enterprise_id": _uuid("提出需求的企业", required=True),
        "service_record_id": _uuid("来源服务记录"),
        "title": text("需求标题", NAME, required=True),
        "description": text("需求描述", 4000),
        "category": text("需求类别", 40, required=True),
        "status": choice("办理状态", DEMAND_STATUSES),
        "received_on": _date("受理日期", required=True),
        "due_on": _date("办理时限"),
        "assignee_staff_id": _uuid("承办人员"),
        "assignee_institution_id": _uuid("承办机构"),
        "assignee_expert_id": _uuid("承办专家"),
        "closed_at": _moment("办结时间"),
        "satisfaction": _satisfaction(),
    },
    "demand_transition": {
        "demand_id": _uuid("服务需求", required=True),
        "from_status": choice("原状态", DEMAND_STATUSES, nullable=True),
        "to_status": choice("新状态", DEMAND_STATUSES, required=True),
        "actor": text("办理人", 100, required=True, not_blank=False),
        "at": _moment("办理时间", required=True),
        "note": text("办理说明", 2000),
    },
    "event": {
        "title": text("活动名称", NAME, required=True),
        "event_type": choice("活动类型", EVENT_TYPES, required=True),
        "theme": text("主题月", 40, nullable=True),
        "starts_at": _moment("开始时间", required=True),
        "ends_at": _moment("结束时间", required=True),
        "venue": text("活动地点", NAME),
        "organiser": text("主办单位", NAME),
        "partners": text("合作机构", 1000),
        "speakers": text("主讲嘉宾", 1000),
        "walk_in_count": of("现场未报名人数", Kind.INTEGER, minimum=0, maximum=MAX_WALK_INS),
        "satisfaction": _satisfaction(Kind.NUMBER),
        "description": text("活动简介", 4000),
        "summary": text("活动总结", 8000),
        "policy_ids": text("宣贯政策"),
    },
    "event_attendance": {
        "event_id": _uuid("活动", required=True),
        "enterprise_id": _uuid("参加企业"),
        "attendee_name": text("参加人", 100),
        "registered_at": _moment("报名时间"),
        "checked_in_at": _moment("签到时间"),
    },
    "event_material": {
        "event_id": _uuid("活动", required=True),
        "file_name": text("文件名", 255, required=True),
        "stored_name": text("存储文件名", 100, required=True),
        "size_bytes": of("文件大小（字节）", Kind.INTEGER, minimum=0, maximum=2**53),
        "sha256": text("文件校验值", 64),
    },
    "annual_report": {
        "year": of("年度", Kind.INTEGER, required=True, minimum=1949, maximum=9999),
        "kind": choice("报告类型", REPORT_KINDS, required=True),
        "status": choice("报告状态", REPORT_STATUSES),
        "narrative": of("报告正文", Kind.TEXT_MAP),
        "targets": of("计划指标", Kind.NUMBER_MAP),
        "planned_events": of("计划活动", Kind.RECORD_LIST),
        "submitted_at": _moment("提交时间"),
        "review_comment": text("审核意见"),
    },
    "info_report": {
        "period": text("报送期间", 10, required=True),
        "status": choice("报送状态", REPORT_STATUSES),
        "narrative": of("报送内容", Kind.TEXT_MAP),
        "submitted_at": _moment("提交时间"),
        "review_comment": text("审核意见"),
    },
    "period_unlock": {
        "period": text("解锁月份", 7, required=True),
        "unlocked_by": _uuid("解锁人", required=True),
        "reason": text("解锁原因", 500, required=True),
        "at": _moment("解锁时间", required=True),
        "relock_at": _moment("重新锁定时间"),
        "relocked_by": _uuid("重新锁定人"),
    },
}

TABLE_RULES: dict[str, TableRules] = {
    tbl: {**columns, **_stamps()}
    for tbl, columns in {"enterprise": ENTERPRISE, "station": STATION, **REFERENCE, **STATION_OWNED}.items()
}
