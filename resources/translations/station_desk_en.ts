<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AutoSyncController</name>
    <message>
        <source>同步时发生意外错误，数据已保存在本机。请把调试信息发给技术支持。</source>
        <translation>An unexpected error stopped the sync. Your data is saved on this computer. Please send the debug information to support.</translation>
    </message>
    <message>
        <source>与总部同步</source>
        <translation>Sync with HQ</translation>
    </message>
    <message>
        <source>上次同步：尚未同步</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <source>上次同步：%1 成功</source>
        <translation>Last sync: %1 succeeded</translation>
    </message>
    <message>
        <source>上次同步：%1 失败（离线，稍后重试）</source>
        <translation>Last sync: %1 failed (offline, will retry later)</translation>
    </message>
    <message>
        <source>上次同步：%1 失败</source>
        <translation>Last sync: %1 failed</translation>
    </message>
</context>
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
    <name>DemandsModel</name>
    <message>
        <source>（超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>承办方</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
</context>
<context>
    <name>DemandsPage</name>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>待办（未回访）</source>
        <translation>To do (not followed up)</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>只看超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>搜索需求标题或描述</source>
        <translation>Search title or description</translation>
    </message>
    <message>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>新建需求…</source>
        <translation>New demand…</translation>
    </message>
    <message>
        <source>分派…</source>
        <translation>Dispatch…</translation>
    </message>
    <message>
        <source>处理…</source>
        <translation>Handle…</translation>
    </message>
    <message>
        <source>反馈…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>回访…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>状态变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>办理记录：请在上方选择一条需求</source>
        <translation>History: select a demand above</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>共 %1 项</source>
        <translation>%1 demands</translation>
    </message>
    <message>
        <source>改派…</source>
        <translation>Re-dispatch…</translation>
    </message>
    <message>
        <source>办理记录：%1</source>
        <translation>History: %1</translation>
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
    <name>EnrollDialog</name>
    <message>
        <source>登记到总站</source>
        <translation>Enrol with HQ</translation>
    </message>
    <message>
        <source>请填写总部提供的同步服务器网址和一次性登记码（7 天内有效，只能使用一次）。</source>
        <translation>Enter the sync server address and the one-time enrolment code from HQ (valid for 7 days, usable once).</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>服务器网址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写以 https:// 或 http:// 开头的服务器网址。</source>
        <translation>Enter a server address starting with https:// or http://.</translation>
    </message>
    <message>
        <source>请填写登记码。</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <source>登记未能完成：%1</source>
        <translation>Enrolment failed: %1</translation>
    </message>
    <message>
        <source>正在登记到总站…</source>
        <translation>Enrolling with HQ…</translation>
    </message>
    <message>
        <source>令牌只保存到程序关闭</source>
        <translation>Token kept only until the program closes</translation>
    </message>
    <message>
        <source>本机没有安全的凭据存储（如 Windows 凭据管理器或 GNOME 密钥环），同步令牌只保存到程序关闭为止；下次启动后需要向总部索取新的登记码重新登记。</source>
        <translation>This computer has no secure credential store (such as Windows Credential Manager or GNOME Keyring), so the sync token is kept only until the program closes; after a restart you will need a new enrolment code from HQ.</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetailDialog</name>
    <message>
        <source>企业详情</source>
        <translation>Enterprise details</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>人员/状态</source>
        <translation>Staff / status</translation>
    </message>
    <message>
        <source>这家企业还没有服务记录、需求或活动记录。</source>
        <translation>This enterprise has no service records, demands or event attendance yet.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>编辑企业资料</source>
        <translation>Edit enterprise</translation>
    </message>
    <message>
        <source>未填信用代码</source>
        <translation>No credit code</translation>
    </message>
    <message>
        <source>规模待定</source>
        <translation>Size not yet known</translation>
    </message>
    <message>
        <source>服务记录 %1 条 · 需求 %2 项 · 参加活动 %3 次</source>
        <translation>%1 service records · %2 demands · %3 events attended</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Service record</translation>
    </message>
    <message>
        <source>，期限 %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <source>服务需求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>已报名</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>EnterpriseExcel</name>
    <message>
        <source>导入企业</source>
        <translation>Import enterprises</translation>
    </message>
    <message>
        <source>这个版本还不能导入 Excel 表格。</source>
        <translation>This version cannot import Excel workbooks yet.</translation>
    </message>
    <message>
        <source>导出企业</source>
        <translation>Export enterprises</translation>
    </message>
    <message>
        <source>企业名单.xlsx</source>
        <translation>enterprises.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>这个版本还不能导出 Excel 表格。</source>
        <translation>This version cannot export Excel workbooks yet.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 %1 家企业到
%2</source>
        <translation>Exported %1 enterprises to
%2</translation>
    </message>
</context>
<context>
    <name>EnterpriseFields</name>
    <message>
        <source>18位，如 91440101MA5CXXXXXX；不知道可留空</source>
        <translation>18 characters, e.g. 91440101MA5CXXXXXX; leave empty if unknown</translation>
    </message>
    <message>
        <source>与营业执照一致</source>
        <translation>As on the business licence</translation>
    </message>
    <message>
        <source>输入行业名称或代码，如 软件、C、6510</source>
        <translation>Industry name or code, e.g. software, C, 6510</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>多个号码用“/”分隔</source>
        <translation>Separate several numbers with “/”</translation>
    </message>
    <message>
        <source>人</source>
        <translation>persons</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10,000 yuan</translation>
    </message>
    <message>
        <source>如 2025</source>
        <translation>e.g. 2025</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>经营状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>规模数据年份</source>
        <translation>Size data year</translation>
    </message>
    <message>
        <source>从业人员（人）</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>营业收入（万元）</source>
        <translation>Revenue (10,000 yuan)</translation>
    </message>
    <message>
        <source>资产总额（万元）</source>
        <translation>Total assets (10,000 yuan)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>EnterpriseForm</name>
    <message>
        <source>编辑企业</source>
        <translation>Edit enterprise</translation>
    </message>
    <message>
        <source>新建企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这家企业的资料由总部或其他服务站维护，本站只能查看。</source>
        <translation>This enterprise is maintained by HQ or another station; this station can only view it.</translation>
    </message>
    <message>
        <source>不知道可以留空，以后补填。</source>
        <translation>Leave empty if unknown and fill it in later.</translation>
    </message>
    <message>
        <source>✓ 代码格式和校验位正确</source>
        <translation>✓ Code shape and check character are correct</translation>
    </message>
    <message>
        <source>已输入 %1/18 位</source>
        <translation>%1 of 18 characters entered</translation>
    </message>
    <message>
        <source>可输入门类（C）、大类代码（65）或名称（零售业）</source>
        <translation>Enter a section (C), a division code (65) or a name (retail)</translation>
    </message>
    <message>
        <source>无法识别这个行业，请从列表中选择</source>
        <translation>Industry not recognised; please choose from the list</translation>
    </message>
    <message>
        <source>识别为：%1</source>
        <translation>Recognised as: %1</translation>
    </message>
    <message>
        <source>企业规模：%1</source>
        <translation>Size: %1</translation>
    </message>
    <message>
        <source>企业规模：待定，还需填写%1</source>
        <translation>Size: not yet known, still needs %1</translation>
    </message>
    <message>
        <source>这个代码已登记为“%1”。&lt;a href=&quot;%2&quot;&gt;打开该企业&lt;/a&gt;</source>
        <translation>This code is already registered to “%1”. &lt;a href=&quot;%2&quot;&gt;Open that enterprise&lt;/a&gt;</translation>
    </message>
    <message>
        <source>可能重复：%1</source>
        <translation>Possible duplicates: %1</translation>
    </message>
    <message>
        <source>保存企业</source>
        <translation>Save enterprise</translation>
    </message>
    <message>
        <source>校验位不符</source>
        <translation>Check character mismatch</translation>
    </message>
    <message>
        <source>确认代码无误并保存吗？该企业将列入数据质量复核。</source>
        <translation>Save with this code anyway? The enterprise will be listed for data-quality review.</translation>
    </message>
    <message>
        <source>企业已登记</source>
        <translation>Enterprise already registered</translation>
    </message>
    <message>
        <source>现在打开已登记的企业吗？</source>
        <translation>Open the registered enterprise now?</translation>
    </message>
    <message>
        <source>企业已被修改</source>
        <translation>Enterprise changed</translation>
    </message>
    <message>
        <source>这家企业刚被其他操作修改过，已重新载入最新资料，请核对后再保存。</source>
        <translation>This enterprise was just changed elsewhere. The latest data has been reloaded; please check it and save again.</translation>
    </message>
    <message>
        <source>保存失败，请重试。</source>
        <translation>Saving failed. Please try again.</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <source>输入企业名称、拼音首字母、信用代码或电话</source>
        <translation>Type a name, pinyin initials, credit code or phone</translation>
    </message>
    <message>
        <source>没有找到匹配的企业</source>
        <translation>No matching enterprise</translation>
    </message>
</context>
<context>
    <name>EnterprisesModel</name>
    <message>
        <source>企业名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <source>搜索企业名称、拼音首字母、信用代码或电话（Ctrl+F）</source>
        <translation>Search by name, pinyin initials, credit code or phone (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部区</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>全部行业</source>
        <translation>All industries</translation>
    </message>
    <message>
        <source>全部规模</source>
        <translation>All sizes</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>仅看校验位警告</source>
        <translation>Check-character warnings only</translation>
    </message>
    <message>
        <source>新建（Ctrl+N）</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>编辑（Enter）</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <source>详情与历史</source>
        <translation>Details &amp; history</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>数据质量</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>共 %1 家企业</source>
        <translation>%1 enterprises</translation>
    </message>
    <message>
        <source>没有符合条件的企业。请换个关键词（名称中的几个字、拼音首字母、信用代码开头或电话），或把筛选改回“全部”。</source>
        <translation>No enterprise matches. Try other words (part of the name, pinyin initials, the start of the credit code or a phone number), or set the filters back to “All”.</translation>
    </message>
    <message>
        <source>企业库里还没有企业。
点击“新建”（Ctrl+N）登记第一家，或点击“导入…”从 Excel 表格批量导入。</source>
        <translation>There are no enterprises yet.
Click “New” (Ctrl+N) to register the first one, or “Import…” to load them from an Excel workbook.</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>删除“%1”？它的服务记录和需求会保留。删除后可以立即撤销。</source>
        <translation>Delete “%1”? Its service records and demands are kept. You can undo right after deleting.</translation>
    </message>
    <message>
        <source>删除企业</source>
        <translation>Delete enterprise</translation>
    </message>
    <message>
        <source>已删除：%1</source>
        <translation>Deleted: %1</translation>
    </message>
    <message>
        <source>已恢复：%1</source>
        <translation>Restored: %1</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
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
        <translation>An unexpected error occurred. You can keep working, but please save and restart; click &quot;Copy debug info&quot; and send it to support.</translation>
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
        <translation>Enter your station&apos;s details and its manager; then you can start recording services. Fields marked * are required.</translation>
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
        <translation>Manager&apos;s name *</translation>
    </message>
    <message>
        <source>负责人电话</source>
        <translation>Manager&apos;s phone</translation>
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
        <translation>Counting this year&apos;s figures</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>导入企业</source>
        <translation>Import enterprises</translation>
    </message>
    <message>
        <source>导入服务记录</source>
        <translation>Import service records</translation>
    </message>
    <message>
        <source>请选择要导入的 Excel 文件（.xlsx）。表头上方的标题行、合并单元格、全角数字等会自动处理。</source>
        <translation>Choose the Excel file (.xlsx) to import. Title rows above the header, merged cells, full-width digits and the like are handled automatically.</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>检查数据</source>
        <translation>Check data</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>保存错误表…</source>
        <translation>Save error workbook…</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>选择 Excel 文件</source>
        <translation>Choose Excel file</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>%1：第 %2 行是表头，共 %3 行数据。请核对每个项目对应的列。</source>
        <translation>%1: row %2 is the header, %3 data rows. Please check the column chosen for each item.</translation>
    </message>
    <message>
        <source>正在检查数据…</source>
        <translation>Checking data…</translation>
    </message>
    <message>
        <source>可导入 %1 行；有问题 %2 行；校验位存疑 %3 行；文件内重复 %4 行；库中已有且相同 %5 行。</source>
        <translation>%1 rows can be imported; %2 rows have problems; %3 rows have a doubtful check character; %4 rows repeat within the file; %5 rows are already stored unchanged.</translation>
    </message>
    <message>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>校验位存疑</source>
        <translation>Doubtful check character</translation>
    </message>
    <message>
        <source>以下 %1 行的统一社会信用代码校验位不符。确定照常导入并列入数据质量复核吗？选“取消”则这些行不导入。

</source>
        <translation>The unified social credit codes of the following %1 rows have a wrong check character. Import them anyway and list them for data-quality review? Choose Cancel to leave these rows out.

</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已导入 %1 行（其中校验位存疑 %2 行已标记待复核）；未导入 %3 行；文件内重复 %4 行；库中已有且相同 %5 行。</source>
        <translation>Imported %1 rows (%2 of them flagged for review: doubtful check character); %3 rows not imported; %4 rows repeated within the file; %5 rows already stored unchanged.</translation>
    </message>
    <message>
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>已取消，没有导入任何数据。</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>导入失败，没有导入任何数据。</source>
        <translation>The import failed; nothing was imported.</translation>
    </message>
    <message>
        <source>保存错误表</source>
        <translation>Save error workbook</translation>
    </message>
</context>
<context>
    <name>ImportMappingWidget</name>
    <message>
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>Excel 中的列</source>
        <translation>Excel column</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
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
        <source>正在同步…</source>
        <translation>Syncing…</translation>
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

Daily service records, demand tracking and reports for Guangzhou&apos;s SME service stations.</translation>
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
        <translation>Staff: the station&apos;s people, their roles and who is on duty — coming soon</translation>
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
    <name>NewDemandDialog</name>
    <message>
        <source>新建服务需求</source>
        <translation>New demand</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>企业的具体诉求</source>
        <translation>What the enterprise needs</translation>
    </message>
    <message>
        <source>留空则为受理后%1天</source>
        <translation>Empty: %1 days after receipt</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>需求标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>需求描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>企业：请输入企业名称，并从列表中选择一家企业。</source>
        <translation>Enterprise: type its name and choose it from the list.</translation>
    </message>
    <message>
        <source>办结期限：请按“2026-07-01”的格式填写，或留空。</source>
        <translation>Due: write it as 2026-07-01, or leave it empty.</translation>
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
        <translation>The operation could not be completed. Please try again; if it keeps failing, click &quot;Copy debug info&quot; and send it to support.</translation>
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
<context>
    <name>QualityDialog</name>
    <message>
        <source>数据质量</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>问题和处理办法</source>
        <translation>Problem and how to fix it</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>双击或按 Enter 打开记录；改正后点“重新检查”。</source>
        <translation>Double-click or press Enter to open a record; click “Check again” after fixing.</translation>
    </message>
    <message>
        <source>检查数据质量</source>
        <translation>Checking data quality</translation>
    </message>
    <message>
        <source>共 %1 个问题，分 %2 类。</source>
        <translation>%1 problems in %2 kinds.</translation>
    </message>
    <message>
        <source>没有发现数据质量问题。</source>
        <translation>No data-quality problems found.</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <source>未评价</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>如 2026-07-01，可留空</source>
        <translation>e.g. 2026-07-01, optional</translation>
    </message>
    <message>
        <source>咨询了什么、提供了哪些服务（Ctrl+Enter 保存）</source>
        <translation>What was asked and what was done (Ctrl+Enter saves)</translation>
    </message>
    <message>
        <source>解决情况、下一步安排</source>
        <translation>Result and next steps</translation>
    </message>
    <message>
        <source>同时登记需求</source>
        <translation>Also open a demand</translation>
    </message>
    <message>
        <source>需求标题，例如“申请科技型中小企业评价”</source>
        <translation>Demand title, e.g. “Tech SME evaluation”</translation>
    </message>
    <message>
        <source>需求类别</source>
        <translation>Demand category</translation>
    </message>
    <message>
        <source>保存（Enter）</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>清空（Esc）</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>服务日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>服务方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>服务人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>准备（分钟）</source>
        <translation>Prep (min)</translation>
    </message>
    <message>
        <source>服务（分钟）</source>
        <translation>Contact (min)</translation>
    </message>
    <message>
        <source>收费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>转介</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>服务结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>不转介</source>
        <translation>No referral</translation>
    </message>
    <message>
        <source>机构：%1</source>
        <translation>Institution: %1</translation>
    </message>
    <message>
        <source>专家：%1</source>
        <translation>Expert: %1</translation>
    </message>
    <message>
        <source>企业：请输入企业名称，并从列表中选择一家企业。</source>
        <translation>Enterprise: type its name and choose it from the list.</translation>
    </message>
    <message>
        <source>收费金额（元）：请填写数字金额，例如“200”或“199.50”。</source>
        <translation>Fee: write a number, e.g. 200 or 199.50.</translation>
    </message>
    <message>
        <source>回访日期：请按“2026-07-01”的格式填写，或留空。</source>
        <translation>Follow-up: write it as 2026-07-01, or leave it empty.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>登记服务记录</source>
        <translation>New service record</translation>
    </message>
    <message>
        <source>已取消修改。</source>
        <translation>Edit cancelled.</translation>
    </message>
    <message>
        <source>修改服务记录：%1</source>
        <translation>Editing service record: %1</translation>
    </message>
    <message>
        <source>修改后按 Enter 保存，按 Esc 放弃修改。</source>
        <translation>Press Enter to save the changes, Esc to drop them.</translation>
    </message>
    <message>
        <source>已按这家企业上次的服务预先填写，请核对。</source>
        <translation>Filled in from this enterprise&apos;s last visit; please check.</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>保存服务记录</source>
        <translation>Saving service record</translation>
    </message>
    <message>
        <source>已修改：%1 · %2</source>
        <translation>Updated: %1 · %2</translation>
    </message>
    <message>
        <source>已保存：%1 · %2</source>
        <translation>Saved: %1 · %2</translation>
    </message>
    <message>
        <source>保存失败，请重试。</source>
        <translation>Could not save; please try again.</translation>
    </message>
    <message>
        <source>期间已锁定</source>
        <translation>Period locked</translation>
    </message>
    <message>
        <source>现在请站长解锁这个月吗？</source>
        <translation>Ask the manager to unlock this month now?</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>服务人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>时长（分钟）</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>收费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>转介</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部人员</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>搜索企业名称、服务内容或结果</source>
        <translation>Search enterprise, summary or outcome</translation>
    </message>
    <message>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>还没有服务记录。在上方输入企业名称开始登记第一条。</source>
        <translation>No service records yet. Type an enterprise&apos;s name above to log the first one.</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>没有符合筛选条件的服务记录。</source>
        <translation>No service records match the filter.</translation>
    </message>
    <message>
        <source>这段时间还没有服务记录。在上方输入企业名称开始登记；更早的记录请选择“全部日期”。</source>
        <translation>No service records in this period. Type an enterprise name above to start; choose &quot;All dates&quot; for older records.</translation>
    </message>
    <message>
        <source>删除 %1 %2 的服务记录（%3）？删除后可以立即撤销。</source>
        <translation>Delete the service record of %1, %2 (%3)? You can undo it right away.</translation>
    </message>
    <message>
        <source>删除服务记录</source>
        <translation>Delete service record</translation>
    </message>
    <message>
        <source>已删除：%1 · %2</source>
        <translation>Deleted: %1 · %2</translation>
    </message>
    <message>
        <source>已恢复：%1 · %2</source>
        <translation>Restored: %1 · %2</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>与总部同步</source>
        <translation>Sync with HQ</translation>
    </message>
    <message>
        <source>登记到总站…</source>
        <translation>Enrol with HQ…</translation>
    </message>
    <message>
        <source>总部服务器</source>
        <translation>HQ server</translation>
    </message>
    <message>
        <source>站点编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>上次同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>待上传的更改</source>
        <translation>Pending changes</translation>
    </message>
    <message>
        <source>立即同步 (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>没有被拒绝的更改。</source>
        <translation>No rejected changes.</translation>
    </message>
    <message>
        <source>被总部拒绝的更改（已保存在本机，不会阻塞其他数据上传）</source>
        <translation>Changes rejected by HQ (kept on this computer; they never block other uploads)</translation>
    </message>
    <message>
        <source>这是演示档案：演示数据只在本机使用，永远不会与总部同步。要与总部同步，请切换到正式档案后再登记。</source>
        <translation>This is the demo profile: demo data stays on this computer and never syncs with HQ. To sync, switch to your real profile and enrol it.</translation>
    </message>
    <message>
        <source>本档案还没有登记到总部。登记后，本站的企业、服务记录和需求会自动上传到市服务中心，总部发布的政策、机构和专家也会下载到本机；断网时照常工作，联网后自动补传。

请向总部索取同步服务器网址和一次性登记码，然后点击“登记到总站…”。</source>
        <translation>This profile is not enrolled with HQ yet. Once enrolled, the station's enterprises, service records and demands upload to the city service centre automatically, and the policies, institutions and experts HQ publishes download to this computer; offline you keep working, and changes upload once you are back online.

Ask HQ for the sync server address and a one-time enrolment code, then click &quot;Enrol with HQ…&quot;.</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>尚未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>成功</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>not completed</translation>
    </message>
    <message>
        <source>上传 %1 · 下载 %2 · 被拒绝 %3 · 冲突 %4</source>
        <translation>Uploaded %1 · downloaded %2 · rejected %3 · conflicts %4</translation>
    </message>
    <message>
        <source>本次有 %1 个字段与其他站点的修改冲突，按时间先后合并；被覆盖的值由总部保存在冲突记录中。</source>
        <translation>%1 field(s) conflicted with changes from other stations and were merged by time; HQ keeps the overwritten values in its conflict log.</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在连接总部…</source>
        <translation>Connecting to HQ…</translation>
    </message>
    <message>
        <source>正在上传 %1</source>
        <translation>Uploading %1</translation>
    </message>
    <message>
        <source>正在下载 %1</source>
        <translation>Downloading %1</translation>
    </message>
    <message>
        <source>正在核对数据…</source>
        <translation>Checking data…</translation>
    </message>
    <message>
        <source>正在修复 %1</source>
        <translation>Repairing %1</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1”→“%2”</source>
        <translation>“%1” → “%2”</translation>
    </message>
    <message>
        <source>承办方类型</source>
        <translation>Assignee type</translation>
    </message>
    <message>
        <source>承办方</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>满意度（1–5）</source>
        <translation>Satisfaction (1–5)</translation>
    </message>
    <message>
        <source>说明这一步做了什么（可留空）</source>
        <translation>What was done in this step (optional)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>解锁期间</source>
        <translation>Unlock period</translation>
    </message>
    <message>
        <source>%1已锁定。解锁后，这个月的服务记录和需求可以修改，直到重新锁定；解锁人和原因会记入日志。</source>
        <translation>%1 is locked. Unlocking lets this month&apos;s service records and demands be changed until it is locked again; who unlocked it and why is logged.</translation>
    </message>
    <message>
        <source>例如：企业提供了新的材料，更正服务时长</source>
        <translation>e.g. the enterprise brought new documents; correcting the minutes</translation>
    </message>
    <message>
        <source>站长/负责人</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>解锁原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>解锁失败，请重试。</source>
        <translation>Could not unlock; please try again.</translation>
    </message>
</context>
<context>
    <name>_ServiceDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存失败，请重试。</source>
        <translation>Could not save; please try again.</translation>
    </message>
</context>
</TS>
