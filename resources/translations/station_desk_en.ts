<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>无法打开数据文件</source>
        <translation>Cannot open the data file</translation>
    </message>
    <message>
        <source>文件：%1
这个文件不会被改动。您可以打开一份备份（作为新档案），或者新建一个空白档案。</source>
        <translation>File: %1
This file will not be changed. You can open a backup (as a new profile) or create an empty profile.</translation>
    </message>
    <message>
        <source>可用的备份（最新的在最上面）：</source>
        <translation>Available backups (newest first):</translation>
    </message>
    <message>
        <source>没有找到这个档案的备份。</source>
        <translation>No backups were found for this profile.</translation>
    </message>
    <message>
        <source>打开备份</source>
        <translation>Open backup</translation>
    </message>
    <message>
        <source>新建档案</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>这是演示数据，不会同步。</source>
        <translation>This is demo data. It is never synchronised.</translation>
    </message>
    <message>
        <source>设置本站正式信息…</source>
        <translation>Set up the real station…</translation>
    </message>
    <message>
        <source>切换到正式档案；还没有设置过服务站时会打开首次设置向导。</source>
        <translation>Switch to the real profile; the first-run wizard opens if the station has not been set up yet.</translation>
    </message>
</context>
<context>
    <name>DemoGeneration</name>
    <message>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <source>已停止生成演示数据；下次打开演示档案时会重新生成。</source>
        <translation>Demo data generation stopped; it will run again the next time the demo profile opens.</translation>
    </message>
    <message>
        <source>生成演示数据时出错，详情已写入日志。</source>
        <translation>Generating demo data failed; the details are in the log.</translation>
    </message>
    <message>
        <source>正在生成演示数据</source>
        <translation>Generating demo data</translation>
    </message>
    <message>
        <source>正在生成演示数据… %1%</source>
        <translation>Generating demo data… %1%</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>显示详细信息</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>复制调试信息</source>
        <translation>Copy debug info</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>隐藏详细信息</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>程序遇到意外错误。您可以继续使用，但建议保存工作后重新启动；请点击“复制调试信息”并发给技术支持。</source>
        <translation>An unexpected error occurred. You can keep working, but please save and restart; click "Copy debug info" and send it to support.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>首次设置 — 中小企业服务站工作台</source>
        <translation>First-run setup — Station Desk</translation>
    </message>
    <message>
        <source>欢迎使用中小企业服务站工作台</source>
        <translation>Welcome to Station Desk</translation>
    </message>
    <message>
        <source>请填写本服务站的基本信息和站长（负责人），完成后即可开始登记服务。带 * 的为必填项。</source>
        <translation>Enter your station's details and its manager; then you can start recording services. Fields marked * are required.</translation>
    </message>
    <message>
        <source>例如 GZ-TH-001</source>
        <translation>e.g. GZ-TH-001</translation>
    </message>
    <message>
        <source>授牌名称，例如 天河区中小企业服务站</source>
        <translation>Official name, e.g. 天河区中小企业服务站</translation>
    </message>
    <message>
        <source>请选择所在区</source>
        <translation>Choose the district</translation>
    </message>
    <message>
        <source>例如 天河区工商业联合会</source>
        <translation>e.g. 天河区工商业联合会</translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>服务站代码 *</source>
        <translation>Station code *</translation>
    </message>
    <message>
        <source>服务站名称 *</source>
        <translation>Station name *</translation>
    </message>
    <message>
        <source>所在区 *</source>
        <translation>District *</translation>
    </message>
    <message>
        <source>依托单位</source>
        <translation>Host organisation</translation>
    </message>
    <message>
        <source>站长/负责人姓名 *</source>
        <translation>Manager's name *</translation>
    </message>
    <message>
        <source>负责人电话</source>
        <translation>Manager's phone</translation>
    </message>
    <message>
        <source>先看看演示数据</source>
        <translation>Look at the demo first</translation>
    </message>
    <message>
        <source>打开单独的演示档案，随时可以回来完成设置。</source>
        <translation>Opens a separate demo profile; you can come back and finish the setup at any time.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完成设置</source>
        <translation>Finish setup</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>企业库（家）</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>本年服务记录（条）</source>
        <translation>Service records this year</translation>
    </message>
    <message>
        <source>未办结需求（项）</source>
        <translation>Open demands</translation>
    </message>
    <message>
        <source>本年活动（场）</source>
        <translation>Events this year</translation>
    </message>
    <message>
        <source>这里还没有数据。可以先在“企业”页导入企业库，或在“服务记录”页登记第一次服务；登记后，首页会汇总本年的服务情况。</source>
        <translation>No data yet. Import your enterprises on the Enterprises page, or record a first service on the Service records page; this page then sums up the year.</translation>
    </message>
    <message>
        <source>%1年概况</source>
        <translation>%1 at a glance</translation>
    </message>
    <message>
        <source>统计本年数据</source>
        <translation>Counting this year's figures</translation>
    </message>
    <message>
        <source>统计截至今天，已删除的记录不计入。</source>
        <translation>Figures up to today; deleted records are not counted.</translation>
    </message>
    <message>
        <source>暂时无法读取统计数据，详情已写入日志。</source>
        <translation>The figures cannot be read right now; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>无法复制备份：%1</source>
        <translation>Could not copy the backup: %1</translation>
    </message>
    <message>
        <source>每日备份</source>
        <translation>Daily backup</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>上次同步：尚未同步</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <source>（演示）</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <source>档案：%1</source>
        <translation>Profile: %1</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于服务站工作台</source>
        <translation>About Station Desk</translation>
    </message>
    <message>
        <source>服务站：演示数据生成中…</source>
        <translation>Station: generating demo data…</translation>
    </message>
    <message>
        <source>服务站：尚未设置</source>
        <translation>Station: not set up yet</translation>
    </message>
    <message>
        <source>中小企业服务站工作台</source>
        <translation>Station Desk</translation>
    </message>
    <message>
        <source>界面语言已改为“%1”，重新启动程序后生效。</source>
        <translation>The interface language is now “%1”. It takes effect after you restart the program.</translation>
    </message>
    <message>
        <source>中小企业服务站工作台
版本 %1

为广州市中小企业服务站的日常服务登记、需求跟踪和报表而设计。</source>
        <translation>Station Desk (中小企业服务站工作台)
Version %1

Daily service records, demand tracking and reports for Guangzhou's SME service stations.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>企业库：按区、行业、规模筛选，拼音首字母搜索，Excel 导入导出——即将推出</source>
        <translation>Enterprise library: filter by district, industry and size, search by pinyin initials, import and export Excel — coming soon</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Service records</translation>
    </message>
    <message>
        <source>服务记录：登记每一次咨询、转介和上门服务，按月汇总服务时长——即将推出</source>
        <translation>Service records: record every consultation, referral and on-site visit, with monthly totals of time spent — coming soon</translation>
    </message>
    <message>
        <source>服务需求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>服务需求：受理、分派、处理、反馈、办结、回访的闭环跟踪和到期提醒——即将推出</source>
        <translation>Demands: track each one from intake, assignment and handling to reply, closure and follow-up, with due-date reminders — coming soon</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>活动：培训、沙龙、政策宣贯会的报名、签到与满意度——即将推出</source>
        <translation>Events: registration, check-in and satisfaction for trainings, salons and policy briefings — coming soon</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>人员：服务站工作人员、岗位和在岗情况——即将推出</source>
        <translation>Staff: the station's people, their roles and who is on duty — coming soon</translation>
    </message>
    <message>
        <source>机构与专家</source>
        <translation>Institutions &amp; experts</translation>
    </message>
    <message>
        <source>机构与专家：入驻服务机构、服务目录和专家库——即将推出</source>
        <translation>Institutions &amp; experts: resident service institutions, their service catalogues and the expert pool — coming soon</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>政策：惠企政策库，按行业和规模匹配企业——即将推出</source>
        <translation>Policies: the library of business-support policies, matched to enterprises by industry and size — coming soon</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>报表：月报、季报、年报一键生成，导出 Excel 和 PDF——即将推出</source>
        <translation>Reports: monthly, quarterly and annual reports in one click, exported to Excel and PDF — coming soon</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>同步：与市服务中心交换数据，离线时也能照常工作——即将推出</source>
        <translation>Sync: exchange data with the city service centre; work goes on as usual while offline — coming soon</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <source>操作未能完成。请重试；如果问题仍然存在，请点击“复制调试信息”并发给技术支持。</source>
        <translation>The operation could not be completed. Please try again; if it keeps failing, click "Copy debug info" and send it to support.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
