"""Shared vocabulary of the written parts of reports: the keys the app stores in
annual_report.narrative / targets and info_report.narrative, with their Chinese titles
(in print order).  The report editor writes these keys; the PDF builders read them."""

from __future__ import annotations

# annual_report kind="summary": 年度服务工作总结
SUMMARY_SECTIONS: dict[str, str] = {
    "work_done": "主要工作开展情况",
    "highlights": "工作亮点与典型案例",
    "problems": "存在的问题与困难",
    "measures": "下一步工作措施",
}
# annual_report kind="plan": 下一年度服务工作计划 (year = the plan's year)
PLAN_SECTIONS: dict[str, str] = {
    "goals": "总体目标",
    "measures": "主要措施",
    "support_needed": "需要服务总站协调支持的事项",
}
# plan targets: indicator → value for the plan's year.  "attendees" keeps the title its
# targets were typed under (enterprises, 家次); the people (人次, walk-ins included) come last
# and are optional: drafts written before it existed can still be submitted.
PLAN_INDICATORS: dict[str, str] = {
    "enterprises_served": "服务企业数（家）",
    "service_records": "服务记录（次）",
    "events": "举办活动（场）",
    "attendees": "活动参与企业（家次）",
    "demands_closed": "办结需求（项）",
    "satisfied_share": "满意率（%）",
    "attendee_people": "活动参与（人次）",
}
OPTIONAL_INDICATORS = frozenset({"attendee_people"})
# info_report: 定期信息报送
INFO_SECTIONS: dict[str, str] = {
    "key_industries": "重点产业发展情况",
    "key_enterprises": "重点企业发展情况",
    "demands": "企业服务需求受理及解决情况",
    "problems": "存在问题",
    "highlights": "工作亮点",
}
REPORT_STATUSES: dict[str, str] = {"draft": "草稿", "submitted": "已提交", "accepted": "已通过", "returned": "已退回"}
