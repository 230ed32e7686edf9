<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountsPage</name>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>只读：只有管理员可以新增或撤销用户和服务站、重新发放登记码。</source>
        <translation>Read only: only an administrator can add or revoke users and stations and reissue enrolment codes.</translation>
    </message>
</context>
<context>
    <name>AddStationDialog</name>
    <message>
        <source>新增服务站</source>
        <translation>Add station</translation>
    </message>
    <message>
        <source>例如 GZ-TH-001（字母、数字、- 和 _）</source>
        <translation>e.g. GZ-TH-001 (letters, digits, - and _)</translation>
    </message>
    <message>
        <source>授牌名称，例如 天河区中小企业服务站</source>
        <translation>Official name, e.g. Tianhe District SME Service Station</translation>
    </message>
    <message>
        <source>请选择所在区</source>
        <translation>Choose the district</translation>
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
        <source>服务站代码：请填写，例如 GZ-TH-001。</source>
        <translation>Station code: please fill it in, e.g. GZ-TH-001.</translation>
    </message>
    <message>
        <source>服务站名称：请填写授牌名称。</source>
        <translation>Station name: please enter the official name.</translation>
    </message>
    <message>
        <source>所在区：请选择服务站所在的区。</source>
        <translation>District: please choose the station&apos;s district.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>使用者的姓名或账号名，例如 王晓红</source>
        <translation>The person&apos;s name or account name, e.g. Wang Xiaohong</translation>
    </message>
    <message>
        <source>新增服务总站用户</source>
        <translation>New HQ user</translation>
    </message>
    <message>
        <source>服务总站工作人员（审阅报送、维护资源库）</source>
        <translation>HQ staff (review submissions, keep the libraries)</translation>
    </message>
    <message>
        <source>市工业和信息化局（只读）</source>
        <translation>Municipal Bureau of Industry and IT (read only)</translation>
    </message>
    <message>
        <source>管理员（管理用户和服务站）</source>
        <translation>Administrator (manage users and stations)</translation>
    </message>
    <message>
        <source>用户名 *</source>
        <translation>User name *</translation>
    </message>
    <message>
        <source>角色 *</source>
        <translation>Role *</translation>
    </message>
    <message>
        <source>用户名：请填写使用者的姓名或账号名。</source>
        <translation>User name: please enter the person&apos;s name or account name.</translation>
    </message>
</context>
<context>
    <name>AnnualParameters</name>
    <message>
        <source>总结年度</source>
        <translation>Year to summarise</translation>
    </message>
    <message>
        <source>总结%1年的工作，并制订%2年的计划</source>
        <translation>Summarises the work of %1 and sets out the plan for %2</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>命令行</source>
        <translation>Command line</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>服务总站工作人员</source>
        <translation>HQ staff</translation>
    </message>
    <message>
        <source>市工信局</source>
        <translation>City bureau</translation>
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
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>之前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>之后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>还没有操作记录。服务总站的每一项操作（新增用户、审阅报送、发布资源等）都会记在这里。</source>
        <translation>No actions yet. Every HQ action (adding users, reviewing submissions, publishing libraries…) is recorded here.</translation>
    </message>
    <message>
        <source>没有符合条件的记录，请改一下筛选条件。</source>
        <translation>Nothing matches. Change the filter.</translation>
    </message>
    <message>
        <source>按操作筛选，如 report. 或 station.add</source>
        <translation>Filter by action, e.g. report. or station.add</translation>
    </message>
    <message>
        <source>在已列出的记录中查找（Ctrl+F）</source>
        <translation>Find in the listed entries (Ctrl+F)</translation>
    </message>
    <message>
        <source>更早的记录</source>
        <translation>Older entries</translation>
    </message>
    <message>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>命令行:%1</source>
        <translation>Command line: %1</translation>
    </message>
    <message>
        <source>读取操作日志</source>
        <translation>Reading the audit log</translation>
    </message>
    <message>
        <source>已列出 %1 条</source>
        <translation>%1 listed</translation>
    </message>
</context>
<context>
    <name>AutoSyncController</name>
    <message>
        <source>同步时发生意外错误，数据已保存在本机。请把调试信息发给技术支持。</source>
        <translation>An unexpected error stopped the sync. Your data is saved on this computer. Please send the debug information to support.</translation>
    </message>
    <message>
        <source>与服务总站同步</source>
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
    <name>BarChartPanel</name>
    <message>
        <source>点击柱形查看对应的服务记录</source>
        <translation>Click a bar to see its service records</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>显示整月</source>
        <translation>Show whole month</translation>
    </message>
    <message>
        <source>%1 场活动</source>
        <translation>Events: %1</translation>
    </message>
    <message>
        <source>%1年%2月共 %3 场活动。日历上标蓝的日子有活动，点击某天只看当天。</source>
        <translation>%3 events in %1-%2. Days marked blue have events; click a day to see only that day.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>线上</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>上门</source>
        <translation>On-site visit</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>分派</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>初创期</source>
        <translation>Start-up stage</translation>
    </message>
    <message>
        <source>成长期</source>
        <translation>Growth stage</translation>
    </message>
    <message>
        <source>成熟期</source>
        <translation>Mature stage</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>注销/停业</source>
        <translation>Deregistered / ceased</translation>
    </message>
    <message>
        <source>迁出</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>沙龙</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>对话</source>
        <translation>Dialogue</translation>
    </message>
    <message>
        <source>讲座</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>研讨</source>
        <translation>Seminar</translation>
    </message>
    <message>
        <source>论坛</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>政策宣贯会</source>
        <translation>Policy briefing</translation>
    </message>
    <message>
        <source>对接会</source>
        <translation>Matchmaking</translation>
    </message>
    <message>
        <source>免费</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>低收费</source>
        <translation>Low fee</translation>
    </message>
    <message>
        <source>有偿</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>在驻</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>已退出</source>
        <translation>Exited</translation>
    </message>
    <message>
        <source>政策咨询</source>
        <translation>Policy advice</translation>
    </message>
    <message>
        <source>财税服务</source>
        <translation>Finance &amp; tax</translation>
    </message>
    <message>
        <source>知识产权</source>
        <translation>Intellectual property</translation>
    </message>
    <message>
        <source>投融资</source>
        <translation>Financing</translation>
    </message>
    <message>
        <source>法律服务</source>
        <translation>Legal services</translation>
    </message>
    <message>
        <source>人力资源与人才</source>
        <translation>HR &amp; talent</translation>
    </message>
    <message>
        <source>数字化转型</source>
        <translation>Digital transformation</translation>
    </message>
    <message>
        <source>市场开拓</source>
        <translation>Market development</translation>
    </message>
    <message>
        <source>创业服务</source>
        <translation>Start-up services</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>站长/负责人</source>
        <translation>Station manager</translation>
    </message>
    <message>
        <source>服务专员</source>
        <translation>Service officer</translation>
    </message>
    <message>
        <source>政策主题月</source>
        <translation>Policy theme month</translation>
    </message>
    <message>
        <source>财税主题月</source>
        <translation>Finance &amp; tax theme month</translation>
    </message>
    <message>
        <source>知识产权主题月</source>
        <translation>IP theme month</translation>
    </message>
    <message>
        <source>越秀区</source>
        <translation>Yuexiu District</translation>
    </message>
    <message>
        <source>海珠区</source>
        <translation>Haizhu District</translation>
    </message>
    <message>
        <source>荔湾区</source>
        <translation>Liwan District</translation>
    </message>
    <message>
        <source>天河区</source>
        <translation>Tianhe District</translation>
    </message>
    <message>
        <source>白云区</source>
        <translation>Baiyun District</translation>
    </message>
    <message>
        <source>黄埔区</source>
        <translation>Huangpu District</translation>
    </message>
    <message>
        <source>番禺区</source>
        <translation>Panyu District</translation>
    </message>
    <message>
        <source>花都区</source>
        <translation>Huadu District</translation>
    </message>
    <message>
        <source>南沙区</source>
        <translation>Nansha District</translation>
    </message>
    <message>
        <source>从化区</source>
        <translation>Conghua District</translation>
    </message>
    <message>
        <source>增城区</source>
        <translation>Zengcheng District</translation>
    </message>
    <message>
        <source>重点产业发展情况</source>
        <translation>Key industries</translation>
    </message>
    <message>
        <source>重点企业发展情况</source>
        <translation>Key enterprises</translation>
    </message>
    <message>
        <source>企业服务需求受理及解决情况</source>
        <translation>Enterprise demands received and resolved</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>工作亮点</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <source>服务企业数（家）</source>
        <translation>Enterprises served</translation>
    </message>
    <message>
        <source>服务记录（次）</source>
        <translation>Service records</translation>
    </message>
    <message>
        <source>举办活动（场）</source>
        <translation>Events held</translation>
    </message>
    <message>
        <source>活动参与企业（家次）</source>
        <translation>Enterprise attendances at events</translation>
    </message>
    <message>
        <source>活动参与（人次）</source>
        <translation>People attending events</translation>
    </message>
    <message>
        <source>办结需求（项）</source>
        <translation>Demands closed</translation>
    </message>
    <message>
        <source>满意率（%）</source>
        <translation>Satisfaction rate (%)</translation>
    </message>
    <message>
        <source>总体目标</source>
        <translation>Overall goals</translation>
    </message>
    <message>
        <source>主要措施</source>
        <translation>Main measures</translation>
    </message>
    <message>
        <source>需要服务总站协调支持的事项</source>
        <translation>Matters needing the Service HQ’s coordination</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>主要工作开展情况</source>
        <translation>Main work carried out</translation>
    </message>
    <message>
        <source>工作亮点与典型案例</source>
        <translation>Highlights and typical cases</translation>
    </message>
    <message>
        <source>存在的问题与困难</source>
        <translation>Problems and difficulties</translation>
    </message>
    <message>
        <source>下一步工作措施</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>大型</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>中型</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>小型</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>微型</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>农、林、牧、渔业</source>
        <translation>Agriculture, forestry, animal husbandry and fishery</translation>
    </message>
    <message>
        <source>采矿业</source>
        <translation>Mining</translation>
    </message>
    <message>
        <source>制造业</source>
        <translation>Manufacturing</translation>
    </message>
    <message>
        <source>电力、热力、燃气及水生产和供应业</source>
        <translation>Electricity, heat, gas and water supply</translation>
    </message>
    <message>
        <source>建筑业</source>
        <translation>Construction</translation>
    </message>
    <message>
        <source>批发和零售业</source>
        <translation>Wholesale and retail</translation>
    </message>
    <message>
        <source>交通运输、仓储和邮政业</source>
        <translation>Transport, storage and post</translation>
    </message>
    <message>
        <source>住宿和餐饮业</source>
        <translation>Accommodation and catering</translation>
    </message>
    <message>
        <source>信息传输、软件和信息技术服务业</source>
        <translation>Information transmission, software and IT services</translation>
    </message>
    <message>
        <source>金融业</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>房地产业</source>
        <translation>Real estate</translation>
    </message>
    <message>
        <source>租赁和商务服务业</source>
        <translation>Leasing and business services</translation>
    </message>
    <message>
        <source>科学研究和技术服务业</source>
        <translation>Scientific research and technical services</translation>
    </message>
    <message>
        <source>水利、环境和公共设施管理业</source>
        <translation>Water, environment and public facilities management</translation>
    </message>
    <message>
        <source>居民服务、修理和其他服务业</source>
        <translation>Resident, repair and other services</translation>
    </message>
    <message>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>卫生和社会工作</source>
        <translation>Health and social work</translation>
    </message>
    <message>
        <source>文化、体育和娱乐业</source>
        <translation>Culture, sports and entertainment</translation>
    </message>
    <message>
        <source>公共管理、社会保障和社会组织</source>
        <translation>Public administration, social security and social organisations</translation>
    </message>
    <message>
        <source>国际组织</source>
        <translation>International organisations</translation>
    </message>
</context>
<context>
    <name>CatalogueForm</name>
    <message>
        <source>编辑服务项目：%1</source>
        <translation>Edit service item: %1</translation>
    </message>
    <message>
        <source>新增服务项目：%1</source>
        <translation>New service item: %1</translation>
    </message>
    <message>
        <source>服务内容、办理方式、收费标准</source>
        <translation>What the service covers, how it is delivered, what it costs</translation>
    </message>
    <message>
        <source>服务项目 *</source>
        <translation>Service item *</translation>
    </message>
    <message>
        <source>企业发展阶段</source>
        <translation>Enterprise stage</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>收费方式</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>企业发展阶段</source>
        <translation>Enterprise stage</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>服务项目</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>收费方式</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>CategoryEditor</name>
    <message>
        <source>工作台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Service categories</translation>
    </message>
    <message>
        <source>登记服务记录和需求时可选的服务类别。停用的类别不能再选，但旧记录仍按原名称显示。</source>
        <translation>The categories offered when recording services and demands. Disabled categories can no longer be chosen, but old records still show their original name.</translation>
    </message>
    <message>
        <source>列表是空的：按 Ctrl+N 新增一个类别。</source>
        <translation>The list is empty: press Ctrl+N to add a category.</translation>
    </message>
    <message>
        <source>新增 (Ctrl+N)</source>
        <translation>Add (Ctrl+N)</translation>
    </message>
    <message>
        <source>重命名 (F2)</source>
        <translation>Rename (F2)</translation>
    </message>
    <message>
        <source>上移 (Ctrl+↑)</source>
        <translation>Move up (Ctrl+↑)</translation>
    </message>
    <message>
        <source>下移 (Ctrl+↓)</source>
        <translation>Move down (Ctrl+↓)</translation>
    </message>
    <message>
        <source>停用 (Delete)</source>
        <translation>Disable (Delete)</translation>
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
        <source>新增类别</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>停用选中的类别</source>
        <translation>Retire the selected category</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>本站已登记到服务总站同步：服务类别由服务总站统一发布，这里只能查看。如需增加或调整类别，请联系服务总站；服务总站发布后，下次同步即生效。</source>
        <translation>This station is enrolled with HQ: service categories are published by HQ and can only be viewed here. To add or change a category, contact HQ; its changes take effect at the next sync.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>新类别</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>保存服务类别</source>
        <translation>Saving service categories</translation>
    </message>
    <message>
        <source>服务类别没有保存，请重试。</source>
        <translation>The service categories were not saved. Please try again.</translation>
    </message>
</context>
<context>
    <name>CityReportsPage</name>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>服务企业</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Service records</translation>
    </message>
    <message>
        <source>活动（场）</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>参与（人次）</source>
        <translation>Attendees (people)</translation>
    </message>
    <message>
        <source>参与（家次）</source>
        <translation>Attending enterprises</translation>
    </message>
    <message>
        <source>受理需求</source>
        <translation>Demands received</translation>
    </message>
    <message>
        <source>办结需求</source>
        <translation>Demands closed</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>专职人员</source>
        <translation>Full-time staff</translation>
    </message>
    <message>
        <source>规范</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <source>未符合</source>
        <translation>Not compliant</translation>
    </message>
    <message>
        <source>行业门类</source>
        <translation>Industry section</translation>
    </message>
    <message>
        <source>服务企业（家）</source>
        <translation>Enterprises served</translation>
    </message>
    <message>
        <source>服务记录（次）</source>
        <translation>Service records</translation>
    </message>
    <message>
        <source>受理需求（项）</source>
        <translation>Demands received</translation>
    </message>
    <message>
        <source>已办结（项）</source>
        <translation>Demands closed</translation>
    </message>
    <message>
        <source>逾期未办结（项）</source>
        <translation>Overdue demands</translation>
    </message>
    <message>
        <source>年度汇总报告（报市工信局）</source>
        <translation>Yearly report (to the bureau)</translation>
    </message>
    <message>
        <source>重点信息报送（月度/季度）</source>
        <translation>Key information (month/quarter)</translation>
    </message>
    <message>
        <source> 年度</source>
        <translation> (year)</translation>
    </message>
    <message>
        <source>如 2026-Q3 或 2026-09</source>
        <translation>e.g. 2026-Q3 or 2026-09</translation>
    </message>
    <message>
        <source>预览 (F5)</source>
        <translation>Preview (F5)</translation>
    </message>
    <message>
        <source>保存 PDF… (Ctrl+S)</source>
        <translation>Save PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>保存 Excel… (Ctrl+E)</source>
        <translation>Save Excel… (Ctrl+E)</translation>
    </message>
    <message>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>保存 Excel</source>
        <translation>Save Excel</translation>
    </message>
    <message>
        <source>在表中查找服务站、区、行业（Ctrl+F）</source>
        <translation>Find a station, district or industry in the table (Ctrl+F)</translation>
    </message>
    <message>
        <source>在表中查找</source>
        <translation>Find in the table</translation>
    </message>
    <message>
        <source>选择年度或报送期间，点“预览”查看全市汇总数据，再保存为 PDF 或 Excel。</source>
        <translation>Choose a year or a reporting period, click Preview to see the city-wide figures, then save them as PDF or Excel.</translation>
    </message>
    <message>
        <source>没有数据：请先选择年度并点“预览”。服务站同步后，其数据会出现在这里。</source>
        <translation>No data: choose a year and click Preview. Stations&apos; data appear here once they have synced.</translation>
    </message>
    <message>
        <source>没有数据：请先填写报送期间（如 2026-Q3）并点“预览”。</source>
        <translation>No data: enter a reporting period (e.g. 2026-Q3) and click Preview.</translation>
    </message>
    <message>
        <source>没有符合条件的行，请改一下查找内容。</source>
        <translation>No rows match; change what you are looking for.</translation>
    </message>
    <message>
        <source>正在读取服务总站数据…</source>
        <translation>Reading HQ data…</translation>
    </message>
    <message>
        <source>读取全市汇总数据</source>
        <translation>Reading the city-wide figures</translation>
    </message>
    <message>
        <source>%1&#x3000;统计期间 %2&#x3000;数据截至 %3
服务站 %4 个；服务企业 %5 家，服务记录 %6 次，举办活动 %7 场，受理需求 %8 项，办结 %9 项。</source>
        <translation>%1  Period %2  Data as of %3
%4 stations; %5 enterprises served, %6 service records, %7 events held, %8 demands received, %9 closed.</translation>
    </message>
    <message>
        <source>%1&#x3000;统计期间 %2&#x3000;数据截至 %3
服务企业 %4 家，服务记录 %5 次；受理需求 %6 项，已办结 %7 项，逾期未办结 %8 项；%9 个服务站已报送本期信息。</source>
        <translation>%1  Period %2  Data as of %3
%4 enterprises served, %5 service records; %6 demands received, %7 closed, %8 overdue; %9 stations have reported for the period.</translation>
    </message>
    <message>
        <source>请先点“预览”读取数据，再保存。</source>
        <translation>Click Preview to read the data first, then save.</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>保存全市汇总报告</source>
        <translation>Save the city-wide report</translation>
    </message>
    <message>
        <source>生成全市汇总报告</source>
        <translation>Writing the city-wide report</translation>
    </message>
    <message>
        <source>，共 %1 页</source>
        <translation>, %1 pages</translation>
    </message>
    <message>
        <source>已保存：%1%2</source>
        <translation>Saved: %1%2</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>一次性登记码</source>
        <translation>One-time enrolment code</translation>
    </message>
    <message>
        <source>%1 的登记码（%2 天内有效，只能使用一次）：</source>
        <translation>Enrolment code for %1 (valid %2 days, usable once):</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>关闭本窗口后登记码不再显示；遗失了可以“重新发放登记码”。</source>
        <translation>The code is not shown again after this window closes; if it is lost, use &quot;Reissue code&quot;.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>合规清单</source>
        <translation>Compliance checklist</translation>
    </message>
    <message>
        <source>尚未设置服务站。</source>
        <translation>The station is not set up yet.</translation>
    </message>
    <message>
        <source>全部达标</source>
        <translation>All requirements met</translation>
    </message>
    <message>
        <source>%1 项待处理</source>
        <translation>%1 outstanding</translation>
    </message>
    <message>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>%1 前报送</source>
        <translation>Due by %1</translation>
    </message>
    <message>
        <source>已逾期（应于 %1 前报送）</source>
        <translation>Overdue (was due by %1)</translation>
    </message>
    <message>
        <source>专职人员不少于 %1 名</source>
        <translation>At least %1 full-time staff</translation>
    </message>
    <message>
        <source>现有专职人员 %1 名</source>
        <translation>%1 full-time staff at present</translation>
    </message>
    <message>
        <source>悬挂服务站统一标识</source>
        <translation>Standard station sign displayed</translation>
    </message>
    <message>
        <source>%1 已悬挂</source>
        <translation>Displayed since %1</translation>
    </message>
    <message>
        <source>尚未登记悬挂日期</source>
        <translation>No display date recorded yet</translation>
    </message>
    <message>
        <source>工作制度报服务总站备案</source>
        <translation>Work rules filed with HQ</translation>
    </message>
    <message>
        <source>%1 已备案</source>
        <translation>Filed on %1</translation>
    </message>
    <message>
        <source>尚未登记备案日期</source>
        <translation>No filing date recorded yet</translation>
    </message>
    <message>
        <source>%1年度服务工作总结</source>
        <translation>%1 annual work summary</translation>
    </message>
    <message>
        <source>%1年度服务工作计划</source>
        <translation>%1 annual work plan</translation>
    </message>
    <message>
        <source>年第</source>
        <translation> (Q</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>)</translation>
    </message>
    <message>
        <source>定期信息报送（%1）</source>
        <translation>Periodic information report %1</translation>
    </message>
</context>
<context>
    <name>ConflictedSyncsModel</name>
    <message>
        <source>同步时间</source>
        <translation>Synced at</translation>
    </message>
    <message>
        <source>冲突字段数</source>
        <translation>Conflicting fields</translation>
    </message>
    <message>
        <source>本次上传</source>
        <translation>Uploaded</translation>
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
        <source>不限办结时间</source>
        <translation>Any closing date</translation>
    </message>
    <message>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>搜索需求标题或描述（Ctrl+F）</source>
        <translation>Search title or description (Ctrl+F)</translation>
    </message>
    <message>
        <source>新建需求… (Ctrl+N)</source>
        <translation>New demand… (Ctrl+N)</translation>
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
        <source>办结时间：%1</source>
        <translation>Closed: %1</translation>
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
    <message>
        <source>“%1”现为“%2”，已不在当前列表中。</source>
        <translation>“%1” is now “%2” and no longer in this list.</translation>
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
    <name>EnrolChoiceButton</name>
    <message>
        <source>登记到服务总站</source>
        <translation>Enrol with HQ</translation>
    </message>
    <message>
        <source>已有服务总站发放的登记码：站点信息以服务总站为准，只需补充服务总站没有的信息。</source>
        <translation>Have an enrolment code from HQ? The station&apos;s details come from HQ; you only add what HQ does not know.</translation>
    </message>
</context>
<context>
    <name>EnrolFirstDialog</name>
    <message>
        <source>登记到服务总站</source>
        <translation>Enrol with HQ</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>请填写服务总站提供的同步服务器网址和一次性登记码（7 天内有效，只能使用一次）。服务站代码、名称和所在区以服务总站登记的为准，本站信息和人员在登记后的首次同步中取回，无需再填。</source>
        <translation>Enter the sync server address and the one-time enrolment code from HQ (valid for 7 days, usable once). The station&apos;s code, name and district are taken from HQ&apos;s register; its details and staff come with the first sync after enrolment, so there is nothing more to type.</translation>
    </message>
    <message>
        <source>正在连接服务总站…</source>
        <translation>Connecting to HQ…</translation>
    </message>
    <message>
        <source>取消同步</source>
        <translation>Cancel sync</translation>
    </message>
    <message>
        <source>登记已经保存；同步可以以后再做。</source>
        <translation>The enrolment is saved; the sync can be done later.</translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
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
        <source>完成设置</source>
        <translation>Finish setup</translation>
    </message>
    <message>
        <source>已登记到服务总站：%1（%2）</source>
        <translation>Enrolled with HQ: %1 (%2)</translation>
    </message>
    <message>
        <source>正在取回服务总站保存的本站信息和人员…</source>
        <translation>Fetching the station&apos;s details and staff from HQ…</translation>
    </message>
    <message>
        <source>服务总站还没有本站的人员信息。请填写站长（负责人），完成后即可开始登记服务。</source>
        <translation>HQ has no staff on record for this station yet. Enter the station manager; then you can start recording services.</translation>
    </message>
    <message>
        <source>首次同步未能完成：%1
登记已经保存。以后联网时本站会自动与服务总站同步，取回服务总站保存的本站信息。请先填写站长（负责人），离线也可以开始登记服务。</source>
        <translation>The first sync did not finish: %1
The enrolment is saved. When the network is back the station syncs with HQ by itself and fetches what HQ holds about it. Enter the station manager now; you can start recording services offline.</translation>
    </message>
    <message>
        <source>正在上传本机已有的数据…</source>
        <translation>Uploading the data already on this computer…</translation>
    </message>
    <message>
        <source>正在核对数据…</source>
        <translation>Checking data…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>未知原因</source>
        <translation>unknown reason</translation>
    </message>
    <message>
        <source>保存未能完成：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>可选：服务总站证书不是系统信任的证书时才需要</source>
        <translation>Optional: only if HQ&apos;s certificate is not one this system trusts</translation>
    </message>
    <message>
        <source>服务总站发放的证书颁发机构(CA)文件（.pem 或 .crt），登记时复制到本档案的文件夹。</source>
        <translation>The certificate authority (CA) file from HQ (.pem or .crt); it is copied into this profile&apos;s folder on enrolment.</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>仍然使用不加密的 http:// 连接（令牌和数据以明文传输，仅限受控的测试网络）</source>
        <translation>Use unencrypted http:// anyway (token and data travel in clear; controlled test networks only)</translation>
    </message>
    <message>
        <source>服务器网址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>CA 文件</source>
        <translation>CA file</translation>
    </message>
    <message>
        <source>登记码：请填写服务总站发放的一次性登记码。</source>
        <translation>Enrolment code: enter the one-time enrolment code from HQ.</translation>
    </message>
    <message>
        <source>正在登记到服务总站…</source>
        <translation>Enrolling with HQ…</translation>
    </message>
    <message>
        <source>本机没有安全的凭据存储（如 Windows 凭据管理器或 GNOME 密钥环），同步令牌只保存到程序关闭为止；下次启动后需要向服务总站索取新的登记码重新登记。</source>
        <translation>This computer has no secure credential store (such as Windows Credential Manager or GNOME Keyring), so the sync token is kept only until the program closes; after a restart you will need a new enrolment code from HQ.</translation>
    </message>
    <message>
        <source>已登记为服务总站用户</source>
        <translation>Enrolled as an HQ user</translation>
    </message>
    <message>
        <source>已登记为服务总站用户：%1（%2）。本机将以服务总站模式打开，只显示服务总站的页面。服务总站档案为“%3”。</source>
        <translation>Enrolled as HQ user %1 (%2). This computer now opens in HQ mode, showing HQ&apos;s pages only. The HQ profile is &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>已登记服务站</source>
        <translation>Station enrolled</translation>
    </message>
    <message>
        <source>这是服务站的登记码。服务总站档案保持不变，服务站已登记到新档案“%1”，现在打开它。</source>
        <translation>This was a station&apos;s code. The HQ profile is unchanged; the station was enrolled in a new profile &quot;%1&quot;, which opens now.</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>选择服务总站的证书颁发机构(CA)文件</source>
        <translation>Choose HQ&apos;s certificate authority (CA) file</translation>
    </message>
    <message>
        <source>服务器网址：请填写以 https:// 或 http:// 开头的网址，例如 https://hq.example.gov.cn。</source>
        <translation>Server address: enter an address starting with https:// or http://, for example https://hq.example.gov.cn.</translation>
    </message>
    <message>
        <source>登记未能完成：%1</source>
        <translation>Enrolment failed: %1</translation>
    </message>
    <message>
        <source>令牌只保存到程序关闭</source>
        <translation>Token kept only until the program closes</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>登记到服务总站</source>
        <translation>Enrol with HQ</translation>
    </message>
    <message>
        <source>请填写服务总站提供的同步服务器网址和一次性登记码（7 天内有效，只能使用一次）。</source>
        <translation>Enter the sync server address and the one-time enrolment code from HQ (valid for 7 days, usable once).</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
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
        <source>这家企业的资料由服务总站或其他服务站维护，本站只能查看。</source>
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
        <translation>District</translation>
    </message>
    <message>
        <source>全部行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>全部规模</source>
        <translation>All sizes</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>Status</translation>
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
        <translation>Details and history</translation>
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
    <name>EnterprisesTab</name>
    <message>
        <source>企业名称或统一社会信用代码，回车查询（Ctrl+F）</source>
        <translation>Enterprise name or unified social credit code, Enter to search (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部区</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>登记服务站编码</source>
        <translation>Registering station code</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
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
        <source>行业门类</source>
        <translation>Industry section</translation>
    </message>
    <message>
        <source>企业规模</source>
        <translation>Enterprise size</translation>
    </message>
    <message>
        <source>经营状态</source>
        <translation>Business status</translation>
    </message>
    <message>
        <source>登记服务站</source>
        <translation>Registering station</translation>
    </message>
    <message>
        <source>服务过的站</source>
        <translation>Stations served</translation>
    </message>
    <message>
        <source>没有找到企业。各服务站同步后，它们登记的企业会出现在这里。</source>
        <translation>No enterprises found. Enterprises registered by the stations appear here once they sync.</translation>
    </message>
    <message>
        <source>查询企业库</source>
        <translation>Search the enterprise library</translation>
    </message>
    <message>
        <source>超过 %1</source>
        <translation>more than %1</translation>
    </message>
    <message>
        <source>共 %1 家企业，第 %2–%3 家</source>
        <translation>%1 enterprises, showing %2–%3</translation>
    </message>
    <message>
        <source>共 0 家企业</source>
        <translation>No enterprises</translation>
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
    <name>EventAttendanceDialog</name>
    <message>
        <source>报名与签到：%1</source>
        <translation>Registration and check-in: %1</translation>
    </message>
    <message>
        <source>签到（到场）</source>
        <translation>Check in (on site)</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>输入企业名称、拼音首字母或统一社会信用代码，按回车</source>
        <translation>Type a name, pinyin initials or unified social credit code, then press Enter</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>报名时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>签到时间</source>
        <translation>Checked in at</translation>
    </message>
    <message>
        <source>移除选中的行</source>
        <translation>Remove the selected row</translation>
    </message>
    <message>
        <source>导入报名表…</source>
        <translation>Import registrations…</translation>
    </message>
    <message>
        <source>Excel（.xlsx），列：企业名称、统一社会信用代码、联系人</source>
        <translation>Excel (.xlsx) with the columns: enterprise name, unified social credit code, contact</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>保存人数</source>
        <translation>Save count</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>现场未报名人数</source>
        <translation>Walk-in guests</translation>
    </message>
    <message>
        <source>报名 %1 家，签到 %2 家，现场未报名 %3 人</source>
        <translation>Registered: %1, checked in: %2, walk-in guests: %3</translation>
    </message>
    <message>
        <source>删除报名</source>
        <translation>Delete registration</translation>
    </message>
    <message>
        <source>删除“%1”的报名记录？</source>
        <translation>Delete the registration of “%1”?</translation>
    </message>
    <message>
        <source>已删除“%1”的报名。</source>
        <translation>Deleted the registration of “%1”.</translation>
    </message>
    <message>
        <source>选择报名表</source>
        <translation>Choose registration list</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导入报名表</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <source>导入完成：%1</source>
        <translation>Import finished: %1</translation>
    </message>
    <message>
        <source>文件内重复</source>
        <translation>Repeated in the file</translation>
    </message>
    <message>
        <source>已报名</source>
        <translation>Already registered</translation>
    </message>
    <message>
        <source>找不到企业</source>
        <translation>Enterprise not found</translation>
    </message>
    <message>
        <source>第%1行 %2：%3</source>
        <translation>Row %1, %2: %3</translation>
    </message>
    <message>
        <source>……另有 %1 行</source>
        <translation>…and %1 more rows</translation>
    </message>
    <message>
        <source>现场未报名人数已保存：%1 人。</source>
        <translation>Walk-in guests saved: %1.</translation>
    </message>
    <message>
        <source>操作未能完成，请重试。</source>
        <translation>The operation could not be completed. Please try again.</translation>
    </message>
    <message>
        <source>操作未能完成，请重试；如果问题仍然存在，请复制调试信息发给技术支持。</source>
        <translation>The operation could not be completed. Please try again; if it keeps failing, copy the debug info and send it to support.</translation>
    </message>
</context>
<context>
    <name>EventDetailPanel</name>
    <message>
        <source>添加材料…</source>
        <translation>Add material…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>删除材料</source>
        <translation>Delete material</translation>
    </message>
    <message>
        <source>活动材料</source>
        <translation>Event materials</translation>
    </message>
    <message>
        <source>在列表中选择一场活动，查看详情和材料。</source>
        <translation>Select an event in the list to see its details and materials.</translation>
    </message>
    <message>
        <source>还没有材料。可添加签到表、课件、照片等，每个不超过20 MB。</source>
        <translation>No materials yet. You can add attendance sheets, slides, photos and so on, up to 20 MB each.</translation>
    </message>
    <message>
        <source>&#x3000;·&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>合作机构</source>
        <translation>Partner institutions</translation>
    </message>
    <message>
        <source>主讲嘉宾</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>报名 %1 家 · 签到 %2 家 · 现场未报名 %3 人</source>
        <translation>%1 registered · %2 checked in · %3 walk-in guests</translation>
    </message>
    <message>
        <source>到场</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>宣贯政策</source>
        <translation>Policies briefed</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>%1：</source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>编号：%1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>选择活动材料</source>
        <translation>Choose event material</translation>
    </message>
    <message>
        <source>已添加材料：%1</source>
        <translation>Material added: %1</translation>
    </message>
    <message>
        <source>添加材料</source>
        <translation>Add material</translation>
    </message>
    <message>
        <source>删除材料“%1”？</source>
        <translation>Delete the material “%1”?</translation>
    </message>
</context>
<context>
    <name>EventFilterBar</name>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部主题</source>
        <translation>All themes</translation>
    </message>
    <message>
        <source>日历所在月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>全部时间</source>
        <translation>All dates</translation>
    </message>
    <message>
        <source>搜索活动名称、地点、主讲嘉宾（Ctrl+F）</source>
        <translation>Search title, venue or speakers (Ctrl+F)</translation>
    </message>
    <message>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>共 %1 场</source>
        <translation>%1 events</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>编辑活动</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>新建活动</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>例如：研发费用加计扣除政策宣讲会</source>
        <translation>e.g. Briefing on the R&amp;D expense super-deduction</translation>
    </message>
    <message>
        <source>（不属于主题月）</source>
        <translation>(not part of a theme month)</translation>
    </message>
    <message>
        <source>合作的服务机构，用顿号分隔</source>
        <translation>Partner service institutions, separated by “、”</translation>
    </message>
    <message>
        <source>主讲人或嘉宾，用顿号分隔</source>
        <translation>Speakers or guests, separated by “、”</translation>
    </message>
    <message>
        <source>未报名、现场来的人数，没有填0</source>
        <translation>People who came without registering; 0 if none</translation>
    </message>
    <message>
        <source>1–5分，可带一位小数；未调查留空</source>
        <translation>1–5, one decimal allowed; leave empty if not surveyed</translation>
    </message>
    <message>
        <source>面向哪些企业、讲什么</source>
        <translation>Who it is for and what it covers</translation>
    </message>
    <message>
        <source>活动结束后填写：到场情况、企业反馈、后续对接</source>
        <translation>Fill in after the event: attendance, feedback from enterprises, follow-up</translation>
    </message>
    <message>
        <source>政策库里还没有政策；可先保存活动，以后再选。</source>
        <translation>The policy library is empty; you can save the event now and choose policies later.</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>%1：请填写%2，现在是“%3”。</source>
        <translation>%1: enter %2; “%3” is not valid.</translation>
    </message>
</context>
<context>
    <name>EventParameters</name>
    <message>
        <source>签到表</source>
        <translation>Attendance sheet</translation>
    </message>
    <message>
        <source>活动总结</source>
        <translation>Event summary</translation>
    </message>
    <message>
        <source>还没有活动。请先在“活动”页面登记活动。</source>
        <translation>No events yet. Add one on the “Events” page first.</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>活动：请先选择一场活动（没有活动时请先在“活动”页面登记）。</source>
        <translation>Event: choose an event first (if there are none, add one on the “Events” page).</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>主题月</source>
        <translation>Theme month</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>Reg.</translation>
    </message>
    <message>
        <source>到场</source>
        <translation>Att.</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Rating</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>新建活动…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>报名与签到…</source>
        <translation>Registration and check-in…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>没有符合条件的活动。请换个关键词，或把筛选改回“全部”。</source>
        <translation>No event matches. Try other words, or set the filters back to “All”.</translation>
    </message>
    <message>
        <source>这一天没有活动。点击“新建活动”（Ctrl+N）登记一场，或点击“显示整月”。</source>
        <translation>No events on this day. Click “New event…” (Ctrl+N) to add one, or click “Show whole month”.</translation>
    </message>
    <message>
        <source>这段时间还没有活动。
点击“新建活动”（Ctrl+N）登记培训、沙龙、讲座、政策宣贯会等活动。</source>
        <translation>No events in this period yet.
Click “New event…” (Ctrl+N) to add trainings, salons, talks, policy briefings and more.</translation>
    </message>
    <message>
        <source>列表：%1 的活动</source>
        <translation>List: events on %1</translation>
    </message>
    <message>
        <source>列表：%1的活动（%2 至 %3）</source>
        <translation>List: events in %1 (%2 to %3)</translation>
    </message>
    <message>
        <source>列表：%1已举办的活动（%2 至 %3）</source>
        <translation>List: events held %1 (%2 to %3)</translation>
    </message>
    <message>
        <source>列表：%1年%2月的全部活动</source>
        <translation>List: all events in %1-%2</translation>
    </message>
    <message>
        <source>列表：全部时间的活动</source>
        <translation>List: events of all dates</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>删除活动“%1”？报名、签到和材料记录会一并隐藏。删除后可以立即撤销。</source>
        <translation>Delete the event “%1”? Its registrations, check-ins and materials are hidden with it. You can undo right after deleting.</translation>
    </message>
    <message>
        <source>删除活动</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>已删除活动“%1”。</source>
        <translation>Deleted event “%1”.</translation>
    </message>
    <message>
        <source>已恢复活动“%1”。</source>
        <translation>Restored event “%1”.</translation>
    </message>
</context>
<context>
    <name>ExpertForm</name>
    <message>
        <source>编辑专家</source>
        <translation>Edit expert</translation>
    </message>
    <message>
        <source>新增专家</source>
        <translation>New expert</translation>
    </message>
    <message>
        <source>专家姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>职称/职务</source>
        <translation>Title / position</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>擅长领域 *</source>
        <translation>Expertise *</translation>
    </message>
</context>
<context>
    <name>ExpertsModel</name>
    <message>
        <source>专家姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>职称/职务</source>
        <translation>Title / position</translation>
    </message>
    <message>
        <source>擅长领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>ExpertsTab</name>
    <message>
        <source>按姓名、单位或擅长领域查找，回车（Ctrl+F）</source>
        <translation>Search by name, organisation or field, Enter (Ctrl+F)</translation>
    </message>
    <message>
        <source>新增专家</source>
        <translation>New expert</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>擅长领域</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>还没有专家。点“新增专家”添加，各服务站下次同步后即可看到。</source>
        <translation>No experts yet. Click “New expert”; stations see them after their next sync.</translation>
    </message>
    <message>
        <source>还没有专家。服务总站工作人员添加后会显示在这里。</source>
        <translation>No experts yet. They appear here once HQ staff add them.</translation>
    </message>
    <message>
        <source>没有符合条件的专家。</source>
        <translation>No experts match.</translation>
    </message>
    <message>
        <source>读取专家</source>
        <translation>Read experts</translation>
    </message>
    <message>
        <source>共 %1 位专家</source>
        <translation>%1 experts</translation>
    </message>
    <message>
        <source>专家姓名</source>
        <translation>Expert name</translation>
    </message>
    <message>
        <source>服务类别，多个用逗号分隔</source>
        <translation>Service categories, separated by commas</translation>
    </message>
    <message>
        <source>修改专家</source>
        <translation>Edit expert</translation>
    </message>
    <message>
        <source>删除专家</source>
        <translation>Delete expert</translation>
    </message>
    <message>
        <source>删除专家“%1”？已有的服务记录仍保留其姓名。</source>
        <translation>Delete expert “%1”? Existing service records keep the name.</translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存失败，请稍后再试。</source>
        <translation>Saving failed, please try again later.</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>已填写的内容还没有保存，确定要放弃吗？</source>
        <translation>What you typed has not been saved. Discard it?</translation>
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
        <translation>Official name, e.g. Tianhe District SME Service Station</translation>
    </message>
    <message>
        <source>请选择所在区</source>
        <translation>Choose the district</translation>
    </message>
    <message>
        <source>例如 天河区工商业联合会</source>
        <translation>e.g. Tianhe Federation of Industry and Commerce</translation>
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
    <name>FormDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1：请按“2026-07-01”的格式填写，或留空。</source>
        <translation>%1: write it as 2026-07-01, or leave it empty.</translation>
    </message>
    <message>
        <source>保存失败，请重试。</source>
        <translation>Could not save; please try again.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>服务企业（家）</source>
        <translation>Enterprises served</translation>
    </message>
    <message>
        <source>服务记录（条）</source>
        <translation>Service records</translation>
    </message>
    <message>
        <source>参与人次 = 签到人数 + 现场登记人数</source>
        <translation>Attendance = checked-in guests + walk-in guests</translation>
    </message>
    <message>
        <source>服务满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>已评价服务记录的平均分（1–5分）；满意率 = 评4分或5分的记录占已评价记录的比例，未评价的不计入。</source>
        <translation>Average score of rated service records (1–5); satisfied share = records rated 4 or 5 as a share of all rated records; unrated records are not counted.</translation>
    </message>
    <message>
        <source>服务记录按类别</source>
        <translation>Service records by category</translation>
    </message>
    <message>
        <source>本年各月服务记录</source>
        <translation>Service records by month this year</translation>
    </message>
    <message>
        <source>橙色为本月；点击柱形查看该月的服务记录</source>
        <translation>Orange is this month; click a bar to see that month&apos;s service records</translation>
    </message>
    <message>
        <source>这里还没有数据。可以先在“企业”页导入企业库，或在“服务记录”页登记第一次服务；登记后，首页会汇总本月和本年的服务情况。</source>
        <translation>There is no data here yet. Import your enterprises on the “Enterprises” page, or record the first service on the “Service records” page; after that, Home sums up this month and this year.</translation>
    </message>
    <message>
        <source>%1年%2月概况</source>
        <translation>%1-%2 at a glance</translation>
    </message>
    <message>
        <source>统计首页数据</source>
        <translation>Calculating the home page figures</translation>
    </message>
    <message>
        <source>统计截至今天，已删除的记录不计入；点击任一数字可查看对应记录。</source>
        <translation>Figures up to today, not counting deleted records; click any number to see its records.</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <source>%1年%2月</source>
        <translation>%1-%2</translation>
    </message>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>企业库共 %1 家</source>
        <translation>%1 in the enterprise library</translation>
    </message>
    <message>
        <source>日均 %1 条</source>
        <translation>%1 per day</translation>
    </message>
    <message>
        <source>参与 %1 人次</source>
        <translation>%1 attendees</translation>
    </message>
    <message>
        <source>超期 %1 项</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>%1办结 %2 项</source>
        <translation>%1: %2 closed</translation>
    </message>
    <message>
        <source>%1还没有评价</source>
        <translation>%1: no ratings yet</translation>
    </message>
    <message>
        <source>满意率 %1%</source>
        <translation>%1% satisfied</translation>
    </message>
    <message>
        <source>已评价 %1 条</source>
        <translation>%1 rated</translation>
    </message>
    <message>
        <source>%1 分</source>
        <translation>%1 / 5</translation>
    </message>
    <message>
        <source>%1服务记录按类别</source>
        <translation>%1: service records by category</translation>
    </message>
    <message>
        <source>未办结需求（项）</source>
        <translation>Open demands</translation>
    </message>
    <message>
        <source>举办活动（场）</source>
        <translation>Events held</translation>
    </message>
    <message>
        <source>%1年概况</source>
        <translation>%1 at a glance</translation>
    </message>
    <message>
        <source>暂时无法读取统计数据，详情已写入日志。</source>
        <translation>The figures cannot be read right now; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>HqConnectView</name>
    <message>
        <source>中小企业服务站工作台 — 服务总站</source>
        <translation>Station Desk — HQ</translation>
    </message>
    <message>
        <source>服务总站模式</source>
        <translation>HQ mode</translation>
    </message>
    <message>
        <source>用户：%1（%2） · 服务器：%3 · 档案：%4</source>
        <translation>User: %1 (%2) · Server: %3 · Profile: %4</translation>
    </message>
    <message>
        <source>重试 (F5)</source>
        <translation>Retry (F5)</translation>
    </message>
    <message>
        <source>重试连接</source>
        <translation>Retry the connection</translation>
    </message>
    <message>
        <source>重新登记…</source>
        <translation>Enrol again…</translation>
    </message>
    <message>
        <source>切换档案</source>
        <translation>Switch profile</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>正在连接服务总站（%1）…</source>
        <translation>Connecting to HQ (%1)…</translation>
    </message>
    <message>
        <source>正在连接服务总站</source>
        <translation>Connecting to HQ</translation>
    </message>
    <message>
        <source>服务总站不认可本机的令牌：它可能已被撤销，或管理员重新发放了登记码。请向服务总站管理员索取新的登记码，然后点“重新登记…”（也可以运行：%1）。</source>
        <translation>HQ does not accept this computer&apos;s token: it may have been revoked, or the administrator reissued the enrolment code. Ask HQ&apos;s administrator for a new code, then click &quot;Enrol again…&quot; (or run: %1).</translation>
    </message>
    <message>
        <source>连接不上服务总站：%1
请检查本机的网络连接，确认服务器网址（%2）正确、服务总站的服务已启动，然后点“重试”。</source>
        <translation>Cannot reach HQ: %1
Check this computer&apos;s network connection, make sure the server address (%2) is right and HQ&apos;s service is running, then click &quot;Retry&quot;.</translation>
    </message>
</context>
<context>
    <name>HqPages</name>
    <message>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>站点网络</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>报送审阅</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>资源库</source>
        <translation>Libraries</translation>
    </message>
    <message>
        <source>全市汇总</source>
        <translation>City reports</translation>
    </message>
    <message>
        <source>用户与服务站</source>
        <translation>Users and stations</translation>
    </message>
</context>
<context>
    <name>HqWindow</name>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>服务总站工作人员</source>
        <translation>HQ staff</translation>
    </message>
    <message>
        <source>市工业和信息化局</source>
        <translation>Municipal Bureau of Industry and IT</translation>
    </message>
    <message>
        <source>中小企业服务站工作台 — 服务总站（%1）</source>
        <translation>Station Desk — General station (%1)</translation>
    </message>
    <message>
        <source>%1（%2） · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>档案：%1</source>
        <translation>Profile: %1</translation>
    </message>
    <message>
        <source>你的角色没有可用的页面，请联系服务总站管理员。</source>
        <translation>Your role has no pages. Ask the HQ administrator.</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>转到“%1”</source>
        <translation>Go to “%1”</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>键盘快捷键…</source>
        <translation>Keyboard shortcuts…</translation>
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
    <name>InboxPage</name>
    <message>
        <source>报送</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>督促名单</source>
        <translation>Reminders</translation>
    </message>
</context>
<context>
    <name>InfoParameters</name>
    <message>
        <source>月报</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>季报</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>报送期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <source>第%1季度</source>
        <translation>Q%1</translation>
    </message>
</context>
<context>
    <name>InstitutionForm</name>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>编辑入驻机构</source>
        <translation>Edit resident institution</translation>
    </message>
    <message>
        <source>新增入驻机构</source>
        <translation>New resident institution</translation>
    </message>
    <message>
        <source>例如 2025-03-01</source>
        <translation>e.g. 2025-03-01</translation>
    </message>
    <message>
        <source>仅“已退出”时填写</source>
        <translation>Only if the institution has left</translation>
    </message>
    <message>
        <source>已退出时必填，例如：满意度连续两个季度低于80%</source>
        <translation>Required if it has left, e.g. satisfaction below 80% two quarters in a row</translation>
    </message>
    <message>
        <source>机构名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>服务类别 *</source>
        <translation>Category *</translation>
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
        <source>入驻日期</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>退出日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>退出原因</source>
        <translation>Reason for leaving</translation>
    </message>
</context>
<context>
    <name>InstitutionsModel</name>
    <message>
        <source>服务记录 %1 条（评价 %2 条，平均 %3）；需求 %4 项（回访评价 %5 项，平均 %6）</source>
        <translation>%1 service records (%2 rated, average %3); %4 demands (%5 rated at follow-up, average %6)</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>服务企业</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>承办需求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Name</translation>
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
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>入驻日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>退出日期</source>
        <translation>Left</translation>
    </message>
</context>
<context>
    <name>InstitutionsPage</name>
    <message>
        <source>没有符合条件的机构，请更改状态或搜索条件。</source>
        <translation>No institution matches; change the status or the search.</translation>
    </message>
    <message>
        <source>这家机构还没有服务清单。</source>
        <translation>This institution has no service catalogue yet.</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>新增机构（Ctrl+N）</source>
        <translation>New institution (Ctrl+N)</translation>
    </message>
    <message>
        <source>编辑（Enter）</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>新增服务项目</source>
        <translation>Add service item</translation>
    </message>
    <message>
        <source>编辑服务项目</source>
        <translation>Edit service item</translation>
    </message>
    <message>
        <source>删除服务项目</source>
        <translation>Delete service item</translation>
    </message>
    <message>
        <source>没有符合条件的专家，请更改搜索条件。</source>
        <translation>No expert matches; change the search.</translation>
    </message>
    <message>
        <source>搜索机构名称、类别或联系人（Ctrl+F）</source>
        <translation>Search name, category or contact (Ctrl+F)</translation>
    </message>
    <message>
        <source>搜索姓名、单位或擅长领域（Ctrl+F）</source>
        <translation>Search name, organisation or expertise (Ctrl+F)</translation>
    </message>
    <message>
        <source>新增专家（Ctrl+N）</source>
        <translation>New expert (Ctrl+N)</translation>
    </message>
    <message>
        <source>入驻服务机构</source>
        <translation>Resident service institutions</translation>
    </message>
    <message>
        <source>服务专家库</source>
        <translation>Expert pool</translation>
    </message>
    <message>
        <source>在当前标签页新增</source>
        <translation>New, in the current tab</translation>
    </message>
    <message>
        <source>还没有入驻服务机构。点击“新增机构”（Ctrl+N）登记入驻本站的服务机构。</source>
        <translation>No resident service institutions yet. Click “New institution” (Ctrl+N) to register the institutions based at this station.</translation>
    </message>
    <message>
        <source>专家库还是空的。点击“新增专家”（Ctrl+N）添加。</source>
        <translation>The expert pool is empty. Click “New expert” (Ctrl+N) to add one.</translation>
    </message>
    <message>
        <source>还没有入驻服务机构。服务总站发布后，同步时会自动出现在这里。</source>
        <translation>No resident service institutions yet. Once HQ publishes them, they appear here at the next sync.</translation>
    </message>
    <message>
        <source>专家库还是空的。服务总站发布后，同步时会自动出现在这里。</source>
        <translation>The expert pool is empty. Once HQ publishes experts, they appear here at the next sync.</translation>
    </message>
    <message>
        <source>请在上方选择一家机构。</source>
        <translation>Select an institution above.</translation>
    </message>
    <message>
        <source>服务清单：%1</source>
        <translation>Service catalogue: %1</translation>
    </message>
    <message>
        <source>服务清单</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <source>删除入驻机构</source>
        <translation>Delete resident institution</translation>
    </message>
    <message>
        <source>删除“%1”及其服务清单？已有的服务记录和需求会保留。机构退出请改为把状态设为“已退出”。</source>
        <translation>Delete “%1” and its service catalogue? Existing service records and demands are kept. If the institution has left, set its status to “Exited” instead.</translation>
    </message>
    <message>
        <source>删除服务项目“%1”？</source>
        <translation>Delete the service item “%1”?</translation>
    </message>
    <message>
        <source>删除专家</source>
        <translation>Delete expert</translation>
    </message>
    <message>
        <source>把“%1”移出专家库？已有的服务记录和需求会保留。</source>
        <translation>Remove “%1” from the expert pool? Existing service records and demands are kept.</translation>
    </message>
</context>
<context>
    <name>InstitutionsTab</name>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>在驻</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <source>已退出</source>
        <translation>Exited</translation>
    </message>
    <message>
        <source>按名称或类别查找，回车（Ctrl+F）</source>
        <translation>Search by name or category, Enter (Ctrl+F)</translation>
    </message>
    <message>
        <source>新增机构（入驻）</source>
        <translation>New institution (admit)</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>恢复入驻</source>
        <translation>Re-admit</translation>
    </message>
    <message>
        <source>退出…</source>
        <translation>Exit…</translation>
    </message>
    <message>
        <source>新增服务项目</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>删除服务项目</source>
        <translation>Delete service</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Service category</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>入驻日期</source>
        <translation>Admitted on</translation>
    </message>
    <message>
        <source>退出日期</source>
        <translation>Exited on</translation>
    </message>
    <message>
        <source>退出原因</source>
        <translation>Exit reason</translation>
    </message>
    <message>
        <source>服务项目</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>还没有入驻机构。点“新增机构（入驻）”添加，各服务站下次同步后即可看到。</source>
        <translation>No resident institutions yet. Click “New institution (admit)”; stations see them after their next sync.</translation>
    </message>
    <message>
        <source>还没有入驻机构。服务总站工作人员添加后会显示在这里。</source>
        <translation>No resident institutions yet. They appear here once HQ staff add them.</translation>
    </message>
    <message>
        <source>没有符合条件的机构。</source>
        <translation>No institutions match.</translation>
    </message>
    <message>
        <source>服务清单（按阶段）</source>
        <translation>Service list (by stage)</translation>
    </message>
    <message>
        <source>收费方式</source>
        <translation>Fee type</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>读取服务机构</source>
        <translation>Read institutions</translation>
    </message>
    <message>
        <source>共 %1 家机构</source>
        <translation>%1 institutions</translation>
    </message>
    <message>
        <source>读取服务清单</source>
        <translation>Read service list</translation>
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
        <source>新增入驻机构</source>
        <translation>Admit a new institution</translation>
    </message>
    <message>
        <source>修改机构</source>
        <translation>Edit institution</translation>
    </message>
    <message>
        <source>暂停机构</source>
        <translation>Suspend institution</translation>
    </message>
    <message>
        <source>暂停“%1”？各服务站将不能再向它派单。</source>
        <translation>Suspend “%1”? Stations can no longer dispatch demands to it.</translation>
    </message>
    <message>
        <source>机构退出</source>
        <translation>Institution exit</translation>
    </message>
    <message>
        <source>“%1”退出的原因（必填）：</source>
        <translation>Why “%1” exits (required):</translation>
    </message>
    <message>
        <source>请先在上面的列表中选择机构。</source>
        <translation>Select an institution in the list above first.</translation>
    </message>
    <message>
        <source>适用阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>请先在服务清单中选择要删除的服务项目。</source>
        <translation>Select the service to delete in the service list first.</translation>
    </message>
    <message>
        <source>删除“%1”？</source>
        <translation>Delete “%1”?</translation>
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
    <name>LazyPages</name>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>LibrariesPage</name>
    <message>
        <source>服务机构</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Pick-lists</translation>
    </message>
    <message>
        <source>企业库</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>企业审核</source>
        <translation>Enterprise review</translation>
    </message>
</context>
<context>
    <name>LibraryTab</name>
    <message>
        <source>只读：只有服务总站工作人员（staff）可以修改资源库。</source>
        <translation>Read only: only HQ staff can change the libraries.</translation>
    </message>
    <message>
        <source>%1。%2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>操作失败，请稍后再试。</source>
        <translation>The operation failed, please try again later.</translation>
    </message>
</context>
<context>
    <name>ListKeys</name>
    <message>
        <source>修改选中的一行</source>
        <translation>Edit the selected row</translation>
    </message>
    <message>
        <source>删除选中的一行</source>
        <translation>Delete the selected row</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
</context>
<context>
    <name>LockSettingsDialog</name>
    <message>
        <source>锁定期限</source>
        <translation>Lock period</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>月末后锁定天数</source>
        <translation>Days after month end</translation>
    </message>
    <message>
        <source>站长/负责人</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>本站还没有在职的站长/负责人，请先在“人员”中把站长的角色设为站长。</source>
        <translation>This station has no manager in post yet. On the “Staff” page, first set the manager&apos;s role to “Station manager”.</translation>
    </message>
    <message>
        <source>每月结束后第 %1 天起，上月的服务记录和需求只读；如需更正，由站长解锁。</source>
        <translation>From day %1 after a month ends, that month&apos;s service records and demands are read-only; to correct them, the manager unlocks the month.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>服务类别…</source>
        <translation>Service categories…</translation>
    </message>
    <message>
        <source>锁定期限…</source>
        <translation>Lock period…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>键盘快捷键…</source>
        <translation>Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>关于服务站工作台</source>
        <translation>About Station Desk</translation>
    </message>
    <message>
        <source>转到“%1”</source>
        <translation>Go to “%1”</translation>
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
        <source>同步：与服务总站交换数据，离线时也能照常工作——即将推出</source>
        <translation>Sync: exchange data with the city service centre; work goes on as usual while offline — coming soon</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>专职人员</source>
        <translation>Full-time staff</translation>
    </message>
    <message>
        <source>%1（不足2）</source>
        <translation>%1 (fewer than 2)</translation>
    </message>
    <message>
        <source>挂牌日期</source>
        <translation>Sign put up on</translation>
    </message>
    <message>
        <source>未挂牌</source>
        <translation>Not hung</translation>
    </message>
    <message>
        <source>制度备案</source>
        <translation>Work rules filed</translation>
    </message>
    <message>
        <source>未备案</source>
        <translation>Not filed</translation>
    </message>
    <message>
        <source>应报</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>已报</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>服务企业</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Service records</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>专职达标</source>
        <translation>Staffing met</translation>
    </message>
    <message>
        <source>已挂牌</source>
        <translation>Sign hung</translation>
    </message>
    <message>
        <source>制度已备案</source>
        <translation>Rules filed</translation>
    </message>
    <message>
        <source>服务企业（各站合计）</source>
        <translation>Enterprises served (stations added)</translation>
    </message>
    <message>
        <source>年度 </source>
        <translation>Year </translation>
    </message>
    <message>
        <source>全部区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>已授牌</source>
        <translation>Accredited</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>在列表中查找编号、名称、依托单位 (Ctrl+F)</source>
        <translation>Find a code, name or host organisation in the list (Ctrl+F)</translation>
    </message>
    <message>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>导出 Excel… (Ctrl+E)</source>
        <translation>Export to Excel… (Ctrl+E)</translation>
    </message>
    <message>
        <source>打开服务站 (Enter)</source>
        <translation>Open station (Enter)</translation>
    </message>
    <message>
        <source>还没有服务站。请在“用户与服务站”中新增服务站，服务站登记并同步后，这里列出它的情况。</source>
        <translation>No stations yet. Add one under “Users and stations”; once it has enrolled and synced, it is listed here.</translation>
    </message>
    <message>
        <source>没有符合条件的服务站，请改一下年度、区、状态或查找内容。</source>
        <translation>No station matches. Change the year, district, status or search text.</translation>
    </message>
    <message>
        <source>还没有服务站，无法按区汇总。</source>
        <translation>No stations yet, so there is nothing to sum by district.</translation>
    </message>
    <message>
        <source>各服务站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>按区汇总</source>
        <translation>By district</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>查找服务站</source>
        <translation>Find a station</translation>
    </message>
    <message>
        <source>正在读取站点网络…</source>
        <translation>Reading the station network…</translation>
    </message>
    <message>
        <source>读取站点网络</source>
        <translation>Read the station network</translation>
    </message>
    <message>
        <source>%1 个服务站；专职人员不足 %2 个；逾期报告 %3 份。双击服务站查看详情。</source>
        <translation>%1 stations; %2 short of full-time staff; %3 reports late. Double-click a station for its page.</translation>
    </message>
    <message>
        <source>请先在列表中选中一个服务站，再按 Enter 或双击打开。</source>
        <translation>Select a station in the list first, then press Enter or double-click it.</translation>
    </message>
    <message>
        <source>站点网络%1.xlsx</source>
        <translation>Station network %1.xlsx</translation>
    </message>
    <message>
        <source>导出站点网络</source>
        <translation>Export the station network</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出到 %1（含按区汇总）。</source>
        <translation>Exported to %1 (with the summary by district).</translation>
    </message>
</context>
<context>
    <name>NewDemandDialog</name>
    <message>
        <source>新建服务需求</source>
        <translation>New demand</translation>
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
    <name>PdfPreview</name>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>第</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>页，共 %1 页</source>
        <translation>of %1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>预览：%1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>，数据截至 %1</source>
        <translation>, data as of %1</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PickListModel</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用（旧记录仍显示）</source>
        <translation>Disabled (still shown on old records)</translation>
    </message>
</context>
<context>
    <name>PickListsTab</name>
    <message>
        <source>服务类别</source>
        <translation>Service category</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>Event themes</translation>
    </message>
    <message>
        <source>新增选项</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>停用/启用</source>
        <translation>Retire / restore</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English label</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>服务总站还没有发布这张选项表，各服务站使用软件自带的默认选项。点“新增选项”开始发布。</source>
        <translation>HQ has not published this list yet; stations use the built-in defaults. Click “New item” to start publishing it.</translation>
    </message>
    <message>
        <source>服务总站还没有发布这张选项表，各服务站使用软件自带的默认选项。</source>
        <translation>HQ has not published this list yet; stations use the built-in defaults.</translation>
    </message>
    <message>
        <source>读取选项</source>
        <translation>Read pick-list</translation>
    </message>
    <message>
        <source>共 %1 项；停用的选项不再供新记录选择，已有记录仍显示其名称。</source>
        <translation>%1 items; retired items are not offered for new records, existing records keep their label.</translation>
    </message>
    <message>
        <source>未发布，服务站使用默认选项：%1</source>
        <translation>Not published; stations use the defaults: %1</translation>
    </message>
    <message>
        <source>英文字母、数字或下划线，发布后不能修改</source>
        <translation>Letters, digits or underscores; cannot change once published</translation>
    </message>
    <message>
        <source>修改选项</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>停用/启用选项</source>
        <translation>Retire / restore item</translation>
    </message>
</context>
<context>
    <name>PlanTables</name>
    <message>
        <source>添加活动</source>
        <translation>Add event</translation>
    </message>
    <message>
        <source>删除所选活动</source>
        <translation>Delete selected events</translation>
    </message>
    <message>
        <source>还没有计划活动。点击“添加活动”按月份列出全年的培训、沙龙、讲座等。</source>
        <translation>No planned events yet. Click “Add event” to list the year&apos;s trainings, salons, talks and so on, month by month.</translation>
    </message>
    <message>
        <source>全年活动计划</source>
        <translation>Event plan for the year</translation>
    </message>
    <message>
        <source>年度工作目标</source>
        <translation>Annual targets</translation>
    </message>
</context>
<context>
    <name>PlannedEventsModel</name>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>活动形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>PoliciesModel</name>
    <message>
        <source>现行</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>已失效</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>政策标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>发布机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>失效日期</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>长期有效</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PoliciesPage</name>
    <message>
        <source>全部类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>现行</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>已失效</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>新增政策…</source>
        <translation>New policy…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>匹配企业…</source>
        <translation>Match enterprises…</translation>
    </message>
    <message>
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <source>本站备注（只保存在本机，不上报服务总站）</source>
        <translation>Station notes (kept on this computer only, never sent to HQ)</translation>
    </message>
    <message>
        <source>政策法规库还是空的。政策由服务总站发布，同步后会出现在这里。</source>
        <translation>The policy library is empty. Policies are published by HQ and appear here after a sync.</translation>
    </message>
    <message>
        <source>保存备注</source>
        <translation>Save notes</translation>
    </message>
    <message>
        <source>搜索政策标题、发布机关或摘要（Ctrl+F）</source>
        <translation>Search title, issuer or summary (Ctrl+F)</translation>
    </message>
    <message>
        <source>适用范围</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>政策摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>本站备注</source>
        <translation>Station notes</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 policies</translation>
    </message>
    <message>
        <source>没有符合筛选条件的政策。</source>
        <translation>No policies match the filter.</translation>
    </message>
    <message>
        <source>政策法规库还是空的。点击“新增政策…”（Ctrl+N）录入第一条。</source>
        <translation>The policy library is empty. Click “New policy…” (Ctrl+N) to enter the first one.</translation>
    </message>
    <message>
        <source>请在左侧选择一条政策</source>
        <translation>Select a policy on the left</translation>
    </message>
    <message>
        <source>发布 %1</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <source>失效 %1</source>
        <translation>Expires %1</translation>
    </message>
    <message>
        <source>长期有效</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>无法打开附件“%1”，请检查本机是否有能打开它的程序。</source>
        <translation>Cannot open the attachment “%1”. Check that this computer has a program that can open it.</translation>
    </message>
    <message>
        <source>备注已保存</source>
        <translation>Notes saved</translation>
    </message>
    <message>
        <source>保存失败，请重试。</source>
        <translation>Could not save; please try again.</translation>
    </message>
    <message>
        <source>删除政策《%1》？已登记的宣传服务记录会保留。</source>
        <translation>Delete the policy “%1”? Service records of its promotion are kept.</translation>
    </message>
    <message>
        <source>删除政策</source>
        <translation>Delete policy</translation>
    </message>
</context>
<context>
    <name>PoliciesTab</name>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>按标题或发文单位查找，回车（Ctrl+F）</source>
        <translation>Search by title or issuer, Enter (Ctrl+F)</translation>
    </message>
    <message>
        <source>发布政策</source>
        <translation>Publish policy</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>政策标题</source>
        <translation>Policy title</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>适用区域</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <source>适用规模</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>适用行业</source>
        <translation>Industries</translation>
    </message>
    <message>
        <source>目标服务站</source>
        <translation>Target stations</translation>
    </message>
    <message>
        <source>已收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>已转发</source>
        <translation>Relayed</translation>
    </message>
    <message>
        <source>转发企业数</source>
        <translation>Enterprises reached</translation>
    </message>
    <message>
        <source>还没有发布政策。点“发布政策”，各目标服务站下次同步后即可看到。</source>
        <translation>No policies published yet. Click “Publish policy”; target stations see it after their next sync.</translation>
    </message>
    <message>
        <source>还没有发布政策。服务总站工作人员发布后会显示在这里。</source>
        <translation>No policies published yet. They appear here once HQ staff publish them.</translation>
    </message>
    <message>
        <source>没有符合条件的政策。</source>
        <translation>No policies match.</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>选择一条政策，查看各目标服务站的接收和转发情况。</source>
        <translation>Select a policy to see which target stations received and relayed it.</translation>
    </message>
    <message>
        <source>读取政策</source>
        <translation>Read policies</translation>
    </message>
    <message>
        <source>共 %1 条政策。已收到：服务站已同步到最新版本；已转发：服务站已向企业登记政策宣传服务。</source>
        <translation>%1 policies. Received: the station has synced the latest version; relayed: the station has recorded policy services to enterprises.</translation>
    </message>
    <message>
        <source>读取转发情况</source>
        <translation>Read relay coverage</translation>
    </message>
    <message>
        <source>这条政策的适用区域内还没有服务站。</source>
        <translation>There is no station in this policy&apos;s districts yet.</translation>
    </message>
    <message>
        <source>政策类别</source>
        <translation>Policy category</translation>
    </message>
    <message>
        <source>发文单位</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>长期有效留空</source>
        <translation>Leave empty if open-ended</translation>
    </message>
    <message>
        <source>如 天河区,黄埔区；留空表示全市</source>
        <translation>e.g. 天河区,黄埔区; empty for the whole city</translation>
    </message>
    <message>
        <source>门类字母或行业代码，如 C,65；留空表示全部</source>
        <translation>Section letters or industry codes, e.g. C,65; empty for all</translation>
    </message>
    <message>
        <source>如 小型,微型；留空表示全部</source>
        <translation>e.g. 小型,微型; empty for all sizes</translation>
    </message>
    <message>
        <source>政策要点</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>附件网址</source>
        <translation>Attachment URL</translation>
    </message>
    <message>
        <source>修改政策</source>
        <translation>Edit policy</translation>
    </message>
    <message>
        <source>撤回政策</source>
        <translation>Withdraw policy</translation>
    </message>
    <message>
        <source>撤回“%1”？各服务站下次同步后不再显示。</source>
        <translation>Withdraw “%1”? Stations stop showing it after their next sync.</translation>
    </message>
</context>
<context>
    <name>PolicyForm</name>
    <message>
        <source>修改政策</source>
        <translation>Edit policy</translation>
    </message>
    <message>
        <source>新增政策</source>
        <translation>New policy</translation>
    </message>
    <message>
        <source>例如 2026-07-01</source>
        <translation>e.g. 2026-07-01</translation>
    </message>
    <message>
        <source>长期有效请留空</source>
        <translation>Leave empty if it does not expire</translation>
    </message>
    <message>
        <source>门类字母或行业代码，如“C,65”；留空表示全部行业</source>
        <translation>Section letters or industry codes, e.g. “C,65”; empty means all industries</translation>
    </message>
    <message>
        <source>（都不选表示全部规模）</source>
        <translation>(none = all sizes)</translation>
    </message>
    <message>
        <source>（都不选表示全市）</source>
        <translation>(none = whole city)</translation>
    </message>
    <message>
        <source>网址（http:// 或 https://），或选择本机文件（可留空）</source>
        <translation>Web address (http:// or https://) or a file on this computer (optional)</translation>
    </message>
    <message>
        <source>选择的文件会复制到本档案的 policy_files 文件夹（最大 20 MB）。</source>
        <translation>The chosen file is copied into this profile&apos;s policy_files folder (up to 20 MB).</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>政策标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>政策类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>发布机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>失效日期</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>适用行业</source>
        <translation>Industries</translation>
    </message>
    <message>
        <source>适用规模</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <source>适用区域</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>政策摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>选择政策附件</source>
        <translation>Choose policy attachment</translation>
    </message>
    <message>
        <source>发布日期：请按“2026-07-01”的格式填写，或留空。</source>
        <translation>Issue date: write it as 2026-07-01, or leave it empty.</translation>
    </message>
    <message>
        <source>失效日期：请按“2026-07-01”的格式填写；长期有效请留空。</source>
        <translation>Expiry date: write it as 2026-07-01; leave it empty if the policy does not expire.</translation>
    </message>
</context>
<context>
    <name>PolicyMatchDialog</name>
    <message>
        <source>匹配企业：%1</source>
        <translation>Matching enterprises: %1</translation>
    </message>
    <message>
        <source>《%1》适用范围：%2</source>
        <translation>“%1” applies to: %2</translation>
    </message>
    <message>
        <source>在匹配结果中搜索企业名称或信用代码</source>
        <translation>Search the matches by name or credit code</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>记录已宣传</source>
        <translation>Record as informed</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>宣传方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>匹配 %1 家</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <source>这条政策已失效，不再匹配企业。</source>
        <translation>This policy has expired and no longer matches enterprises.</translation>
    </message>
    <message>
        <source>没有符合搜索条件的匹配企业。</source>
        <translation>No matching enterprise fits the search.</translation>
    </message>
    <message>
        <source>企业库中没有符合这条政策适用范围的在营企业。</source>
        <translation>No operating enterprise in the library falls within this policy&apos;s scope.</translation>
    </message>
    <message>
        <source>记录已宣传（%1 家）</source>
        <translation>Record as informed (%1)</translation>
    </message>
    <message>
        <source>日期：请按“2026-07-01”的格式填写。</source>
        <translation>Date: write it as 2026-07-01.</translation>
    </message>
    <message>
        <source>为勾选的 %1 家企业各登记一条“政策咨询”服务记录（%2，%3），说明已宣传《%4》？已宣传过的企业会自动跳过。</source>
        <translation>Add a “policy consultation” service record (%2, %3) for each of the %1 ticked enterprises, noting that they were informed of “%4”? Enterprises already informed are skipped.</translation>
    </message>
    <message>
        <source>正在登记服务记录…</source>
        <translation>Recording service records…</translation>
    </message>
    <message>
        <source>登记失败，请重试。</source>
        <translation>Recording failed; please try again.</translation>
    </message>
</context>
<context>
    <name>PolicyMatchModel</name>
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
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>已宣传</source>
        <translation>Informed</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>ProfileMenu</name>
    <message>
        <source>%1（服务总站）</source>
        <translation>%1 (HQ)</translation>
    </message>
    <message>
        <source>%1（无法读取）</source>
        <translation>%1 (unreadable)</translation>
    </message>
    <message>
        <source>切换档案</source>
        <translation>Switch profile</translation>
    </message>
    <message>
        <source>（没有其他档案）</source>
        <translation>(no other profiles)</translation>
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
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
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
    <name>QuarantineList</name>
    <message>
        <source>这些记录从服务总站下载后无法保存到本机（例如数值不是数字、缺少必填项或内容过长）。它们不会阻塞其他数据的同步；服务总站更正后会自动下载，升级本软件后也会自动重试。</source>
        <translation>These records were downloaded from HQ but could not be saved on this computer (for example a number that is not a number, a missing required value or text that is too long). They do not hold up the rest of the sync; they are downloaded again once HQ corrects them, and retried after this program is upgraded.</translation>
    </message>
    <message>
        <source>没有无法保存的数据：从服务总站下载的每一条记录都已保存到本机。</source>
        <translation>Nothing is waiting: every record downloaded from HQ was saved on this computer.</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>再次尝试把这些记录保存到本机</source>
        <translation>Try again to save these records on this computer</translation>
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
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>尝试次数</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>正在重试…</source>
        <translation>Retrying…</translation>
    </message>
    <message>
        <source>已保存 %1 条，仍有 %2 条无法保存。</source>
        <translation>%1 saved, %2 still cannot be saved.</translation>
    </message>
    <message>
        <source>重试未能完成：%1</source>
        <translation>The retry did not finish: %1</translation>
    </message>
    <message>
        <source>正在重试无法保存的下载…</source>
        <translation>Retrying downloads that could not be saved…</translation>
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
        <source>服务内容：请写明咨询了什么、提供了哪些服务，再保存。</source>
        <translation>Service content: say what was asked and what service was given, then save.</translation>
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
        <source>搜索企业名称、服务内容或结果（Ctrl+F）</source>
        <translation>Search enterprise, summary or outcome (Ctrl+F)</translation>
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
    <name>RemindersTab</name>
    <message>
        <source>服务站编号</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>应报材料</source>
        <translation>Report owed</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>逾期情况</source>
        <translation>Lateness</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>没有服务站欠报材料。年度总结与计划每年 1 月 15 日前、定期信息报送每季度结束后次月 10 日前报送。</source>
        <translation>No station owes a report. Annual summaries and plans are due by 15 January; periodic information reports by the 10th of the month after each quarter.</translation>
    </message>
    <message>
        <source>没有符合条件的服务站，请改一下筛选条件。</source>
        <translation>No station matches; change the filter.</translation>
    </message>
    <message>
        <source>按服务站、区或材料查找（Ctrl+F）</source>
        <translation>Find by station, district or report (Ctrl+F)</translation>
    </message>
    <message>
        <source>查找服务站</source>
        <translation>Find a station</translation>
    </message>
    <message>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打印为 PDF…</source>
        <translation>Print to PDF…</translation>
    </message>
    <message>
        <source>打印催报清单</source>
        <translation>Print the reminder list</translation>
    </message>
    <message>
        <source>逾期 %1 天</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>%1 天后到期</source>
        <translation>Due in %1 days</translation>
    </message>
    <message>
        <source>读取督促名单</source>
        <translation>Reading the reminder list</translation>
    </message>
    <message>
        <source>共 %1 项，%2 个服务站已逾期</source>
        <translation>%1 items, %2 stations late</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>导出督促名单</source>
        <translation>Exporting the reminder list</translation>
    </message>
    <message>
        <source>打印为 PDF</source>
        <translation>Print to PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>服务站报送督促名单（截至 %1）</source>
        <translation>Stations with reports owed (as of %1)</translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <source>提交服务总站…</source>
        <translation>Submit to HQ…</translation>
    </message>
    <message>
        <source>重新编辑</source>
        <translation>Edit again</translation>
    </message>
    <message>
        <source>重新读取</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>请填写%1</source>
        <translation>Write here: %1</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>状态：已提交（%1），内容不能再修改</source>
        <translation>Status: submitted (%1); it can no longer be changed</translation>
    </message>
    <message>
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>服务总站退回意见：%1</source>
        <translation>Returned by HQ: %1</translation>
    </message>
    <message>
        <source>；PDF 已交服务总站（第 %1 版）</source>
        <translation>; PDF delivered to the general station (version %1)</translation>
    </message>
    <message>
        <source>；PDF 服务总站未接收：%1</source>
        <translation>; PDF not accepted by the general station: %1</translation>
    </message>
    <message>
        <source>；PDF 等待同步上传</source>
        <translation>; PDF waiting for the sync to upload it</translation>
    </message>
    <message>
        <source>提交服务总站</source>
        <translation>Submit to HQ</translation>
    </message>
    <message>
        <source>提交后“%1”不能再修改（服务总站退回后可重新编辑）。确定提交吗？</source>
        <translation>Once submitted, “%1” can no longer be changed (unless HQ returns it). Submit now?</translation>
    </message>
    <message>
        <source>草稿未能保存</source>
        <translation>Draft not saved</translation>
    </message>
    <message>
        <source>%1：%2
请改正后再试。</source>
        <translation>%1: %2
Please correct it and try again.</translation>
    </message>
    <message>
        <source>之前编辑的报告未能保存：%1</source>
        <translation>The report you were editing could not be saved: %1</translation>
    </message>
    <message>
        <source>报告未能保存或读取。请重试；如果问题仍然存在，请点击“复制调试信息”并发给技术支持。</source>
        <translation>The report could not be saved or loaded. Please try again; if it keeps failing, click “Copy debug info” and send it to support.</translation>
    </message>
    <message>
        <source>月</source>
        <translation> (month)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>年度总结与计划</source>
        <translation>Annual summary and plan</translation>
    </message>
    <message>
        <source>定期信息报送</source>
        <translation>Periodic information report</translation>
    </message>
    <message>
        <source>服务站标识</source>
        <translation>Station sign</translation>
    </message>
    <message>
        <source>活动签到表/活动总结</source>
        <translation>Attendance sheet / event summary</translation>
    </message>
    <message>
        <source>年度工作总结</source>
        <translation>Annual work summary</translation>
    </message>
    <message>
        <source>下一年度工作计划</source>
        <translation>Work plan for next year</translation>
    </message>
    <message>
        <source>按服务站信息生成门牌标识，预览无误后用彩色打印机打印张贴。</source>
        <translation>Makes the door sign from the station&apos;s details; check the preview, then print it on a colour printer and put it up.</translation>
    </message>
    <message>
        <source>签到表列出报名企业，供活动现场签名；活动总结汇总签到、满意度和活动小结。</source>
        <translation>The attendance sheet lists the registered enterprises for signing in at the event; the event summary brings together check-ins, satisfaction and the write-up.</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save the drafts</translation>
    </message>
    <message>
        <source>%1年度服务工作总结</source>
        <translation>%1 annual work summary</translation>
    </message>
    <message>
        <source>%1年度服务工作计划</source>
        <translation>%1 annual work plan</translation>
    </message>
    <message>
        <source>%1信息报送</source>
        <translation>Information report: %1</translation>
    </message>
    <message>
        <source>无法生成报表</source>
        <translation>Cannot create the report</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>正在生成报表…</source>
        <translation>Generating the report…</translation>
    </message>
    <message>
        <source>已生成“%1”，共 %2 页</source>
        <translation>Created “%1”, %2 pages</translation>
    </message>
    <message>
        <source>；注意：%1</source>
        <translation>; note: %1</translation>
    </message>
    <message>
        <source>仍要继续吗？</source>
        <translation>Continue anyway?</translation>
    </message>
    <message>
        <source>报表还有未完成的部分</source>
        <translation>The report is not complete yet</translation>
    </message>
    <message>
        <source>报表未能生成。请重试；如果问题仍然存在，请点击“复制调试信息”并发给技术支持。</source>
        <translation>The report could not be created. Please try again; if it keeps failing, click “Copy debug info” and send it to support.</translation>
    </message>
    <message>
        <source>打印失败，请检查打印机后重试。</source>
        <translation>Printing failed; check the printer and try again.</translation>
    </message>
    <message>
        <source>已送打印：%1 页</source>
        <translation>Sent to the printer: %1 pages</translation>
    </message>
    <message>
        <source>打印报表</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>无法保存到“%1”：%2</source>
        <translation>Cannot save to “%1”: %2</translation>
    </message>
    <message>
        <source>已保存：%1（共 %2 页）</source>
        <translation>Saved: %1 (%2 pages)</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>退回报告</source>
        <translation>Return report</translation>
    </message>
    <message>
        <source>退回“%1”。请写明需要服务站修改或补充什么，服务站下次同步后会看到这段意见。</source>
        <translation>Return &quot;%1&quot;. Say what the station must change or add; the station sees this comment after its next sync.</translation>
    </message>
    <message>
        <source>例如：请补充本期重点企业名单和诉求办理情况。</source>
        <translation>e.g. Please add the key enterprises of this period and how their requests were handled.</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>退回意见不能为空。</source>
        <translation>The comment must not be empty.</translation>
    </message>
    <message>
        <source>退回意见最多 %1 个字，现在 %2 个字。</source>
        <translation>The comment may have at most %1 characters; it has %2.</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>批准申请</source>
        <translation>Approve request</translation>
    </message>
    <message>
        <source>驳回申请</source>
        <translation>Reject request</translation>
    </message>
    <message>
        <source>撤销合并</source>
        <translation>Undo merge</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>提交时间</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <source>申请服务站</source>
        <translation>Requesting station</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>并入</source>
        <translation>Into</translation>
    </message>
    <message>
        <source>没有待处理的申请。服务站删除或合并其他站也在用的企业时，申请会出现在这里。</source>
        <translation>No pending requests. When a station deletes or merges an enterprise other stations use, its request appears here.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>保留的企业</source>
        <translation>Kept enterprise</translation>
    </message>
    <message>
        <source>并入的企业</source>
        <translation>Merged enterprise</translation>
    </message>
    <message>
        <source>触发方</source>
        <translation>Triggered by</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>In effect</translation>
    </message>
    <message>
        <source>还没有按统一社会信用代码合并的企业。</source>
        <translation>No enterprises have been merged by credit code yet.</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>登记服务站</source>
        <translation>Registering station</translation>
    </message>
    <message>
        <source>没有同名的企业记录。</source>
        <translation>No enterprise records share a name.</translation>
    </message>
    <message>
        <source>待审申请</source>
        <translation>Pending requests</translation>
    </message>
    <message>
        <source>合并记录</source>
        <translation>Merges</translation>
    </message>
    <message>
        <source>疑似重复（同名）</source>
        <translation>Possible duplicates (same name)</translation>
    </message>
    <message>
        <source>读取企业审核</source>
        <translation>Read enterprise review</translation>
    </message>
    <message>
        <source>待审申请（%1）</source>
        <translation>Pending requests (%1)</translation>
    </message>
    <message>
        <source>待审申请 %1 条，合并记录 %2 条，疑似重复 %3 组</source>
        <translation>%1 pending requests, %2 merges, %3 possible duplicate groups</translation>
    </message>
    <message>
        <source>请先在“待审申请”中选择一条申请。</source>
        <translation>Select a request under “Pending requests” first.</translation>
    </message>
    <message>
        <source>处理意见（服务站可见）：</source>
        <translation>Comment (the station sees it):</translation>
    </message>
    <message>
        <source>请先在“合并记录”中选择一次有效的合并。</source>
        <translation>Select a merge in effect under “Merges” first.</translation>
    </message>
    <message>
        <source>撤销合并 %1？两家企业将各自恢复。</source>
        <translation>Undo merge %1? Both enterprises are restored separately.</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 天后到期</source>
        <translation>Due in %1 days</translation>
    </message>
    <message>
        <source>%1 表的 %2 字段：%3。%4</source>
        <translation>Table %1, field %2: %3. %4</translation>
    </message>
    <message>
        <source>%1 表的这一行无法保存到本机。%2</source>
        <translation>This row of table %1 cannot be saved on this computer. %2</translation>
    </message>
    <message>
        <source>%1 表的这一行无法保存到本机（%2）。%3</source>
        <translation>This row of table %1 cannot be saved on this computer (%2). %3</translation>
    </message>
    <message>
        <source>%1 表的这一行：%2。%3</source>
        <translation>This row of table %1: %2. %3</translation>
    </message>
    <message>
        <source>%1%2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>%1%2的记录已于%3锁定（每月结束%4天后锁定），不能新增、修改或删除。如确需更正，请由站长解锁并说明原因。</source>
        <translation>%1Records of %2 were locked on %3 (a month locks %4 days after it ends) and cannot be added, changed or deleted. To correct them, the station manager unlocks the month and gives a reason.</translation>
    </message>
    <message>
        <source>%1、%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1。</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1只能是 %2，不能是“%3”。</source>
        <translation>%1 must be %2, not “%3”.</translation>
    </message>
    <message>
        <source>%1尚未锁定（将于%2锁定），无需解锁。</source>
        <translation>%1 is not locked yet (it locks on %2); there is nothing to unlock.</translation>
    </message>
    <message>
        <source>%1已于%2解锁，尚未重新锁定，无需再次解锁。</source>
        <translation>%1 was unlocked at %2 and has not been locked again; there is nothing to unlock.</translation>
    </message>
    <message>
        <source>%1已报名</source>
        <translation>%1: already registered</translation>
    </message>
    <message>
        <source>%1已签到</source>
        <translation>%1: already checked in</translation>
    </message>
    <message>
        <source>%1年%2月</source>
        <translation>%1-%2</translation>
    </message>
    <message>
        <source>%1年第%2季度</source>
        <translation>Q%2 %1</translation>
    </message>
    <message>
        <source>%1当前没有解锁，无需重新锁定。</source>
        <translation>%1 is not unlocked; there is nothing to lock again.</translation>
    </message>
    <message>
        <source>%1的主题</source>
        <translation>theme of %1</translation>
    </message>
    <message>
        <source>%1的月份：请选择1–12月。</source>
        <translation>Month of %1: choose a month from 1 to 12.</translation>
    </message>
    <message>
        <source>%1的活动名称</source>
        <translation>event name of %1</translation>
    </message>
    <message>
        <source>%1的活动形式：请从列表中选择（%2）。</source>
        <translation>Event type of %1: choose from the list (%2).</translation>
    </message>
    <message>
        <source>%1第%2项</source>
        <translation>%1, item %2</translation>
    </message>
    <message>
        <source>%1第%2项：“%3”与第%4项重名，请改一个名称。</source>
        <translation>%1, item %2: “%3” has the same name as item %4. Give it another name.</translation>
    </message>
    <message>
        <source>%1第%2项：列表已被修改，请关闭后重新打开再编辑。</source>
        <translation>%1, item %2: the list has been changed meanwhile. Close and reopen it, then edit again.</translation>
    </message>
    <message>
        <source>%1请从列表中选择（%2）。</source>
        <translation>%1choose from the list (%2).</translation>
    </message>
    <message>
        <source>%1里有%2个名为“%3”的%4，%5</source>
        <translation>%1 has %2 entries named “%3” (%4). %5</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1（%2）%3</source>
        <translation>%1 (%2) %3</translation>
    </message>
    <message>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1：</source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1：%2 已经%3过了，无需重复。</source>
        <translation>%1: already %3 at %2; nothing to repeat.</translation>
    </message>
    <message>
        <source>%1：Excel 把代码存成了数字，末几位已丢失。请把该列设为“文本”后重新填写。</source>
        <translation>%1: Excel stored the code as a number and lost its last digits. Format the column as Text and type the codes again.</translation>
    </message>
    <message>
        <source>%1：不支持“%2”文件，请选择 %3 格式。</source>
        <translation>%1: “%2” files are not supported. Choose a %3 file.</translation>
    </message>
    <message>
        <source>%1：不能为空，请填写。</source>
        <translation>%1: required. Please fill it in.</translation>
    </message>
    <message>
        <source>%1：不能是负数，请改正。</source>
        <translation>%1: cannot be negative. Please correct it.</translation>
    </message>
    <message>
        <source>%1：不能晚于今天，请填写实际日期。</source>
        <translation>%1: cannot be later than today. Enter the actual date.</translation>
    </message>
    <message>
        <source>%1：不能超过%2个字（现有%3个），请精简。</source>
        <translation>%1: at most %2 characters (now %3). Please shorten it.</translation>
    </message>
    <message>
        <source>%1：内容无效，请删除该行后重新添加。</source>
        <translation>%1: invalid content. Delete the row and add it again.</translation>
    </message>
    <message>
        <source>%1：包含无法保存的特殊字符，请删除后重试。</source>
        <translation>%1: contains special characters that cannot be saved. Remove them and try again.</translation>
    </message>
    <message>
        <source>%1：已%2。</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1：已签到。</source>
        <translation>%1: checked in.</translation>
    </message>
    <message>
        <source>%1：所选专家不存在（可能已被删除），请从专家库中重新选择。</source>
        <translation>%1: the chosen expert no longer exists (perhaps deleted). Choose again from the expert pool.</translation>
    </message>
    <message>
        <source>%1：所选人员不存在或当时已离职，请从人员列表中重新选择。</source>
        <translation>%1: the chosen staff member does not exist or had left by then. Choose again from the staff list.</translation>
    </message>
    <message>
        <source>%1：所选服务机构不存在、已暂停或已退出，请从在驻机构中重新选择。</source>
        <translation>%1: the chosen institution does not exist, is suspended or has left. Choose again from the resident institutions.</translation>
    </message>
    <message>
        <source>%1：找不到文件“%2”，请重新选择。</source>
        <translation>%1: file “%2” not found. Please choose it again.</translation>
    </message>
    <message>
        <source>%1：找不到这家企业（可能已被删除），请输入企业名称重新选择。</source>
        <translation>%1: this enterprise was not found (perhaps deleted). Type its name and choose it again.</translation>
    </message>
    <message>
        <source>%1：找不到这家企业（可能已被删除），请重新输入。</source>
        <translation>%1: this enterprise was not found (perhaps deleted). Please enter it again.</translation>
    </message>
    <message>
        <source>%1：提交前请填写目标值。</source>
        <translation>%1: enter a target before submitting.</translation>
    </message>
    <message>
        <source>%1：提交前请填写这一栏（确实没有可写“无”）。</source>
        <translation>%1: fill in this section before submitting (write “none” if there really is nothing).</translation>
    </message>
    <message>
        <source>%1：文件内容不是 %2，请另存为这些格式后重新选择。</source>
        <translation>%1: the file is not %2. Save it in one of these formats and choose it again.</translation>
    </message>
    <message>
        <source>%1：文件是空的，请重新选择。</source>
        <translation>%1: the file is empty. Please choose another.</translation>
    </message>
    <message>
        <source>%1：文件有 %2 MB，超过 %3 MB 的上限，请压缩或缩小后再选择。</source>
        <translation>%1: the file is %2 MB, over the %3 MB limit. Compress or shrink it, then choose it again.</translation>
    </message>
    <message>
        <source>%1：文件超过 %2 MB 的上限，请压缩后再选择。</source>
        <translation>%1: the file is over the %2 MB limit. Compress it, then choose it again.</translation>
    </message>
    <message>
        <source>%1：无法复制文件（%2），请检查文件是否被占用后重试。</source>
        <translation>%1: the file could not be copied (%2). Check that no other program is using it and try again.</translation>
    </message>
    <message>
        <source>%1：无法读取文件“%2”（%3），请确认文件存在且没有被其他程序占用后重新选择。</source>
        <translation>%1: file “%2” could not be read (%3). Check that it exists and no other program is using it, then choose it again.</translation>
    </message>
    <message>
        <source>%1：无法读取文件“%2”（%3），请重新选择。</source>
        <translation>%1: file “%2” could not be read (%3). Please choose it again.</translation>
    </message>
    <message>
        <source>%1：是百分比，不能超过100。</source>
        <translation>%1: a percentage, at most 100.</translation>
    </message>
    <message>
        <source>%1：至少要保留一个启用的项目，否则无法登记。</source>
        <translation>%1: keep at least one item enabled, or nothing can be recorded.</translation>
    </message>
    <message>
        <source>%1：请从%2中选择。</source>
        <translation>%1: choose one of %2.</translation>
    </message>
    <message>
        <source>%1：请填写0到%2之间的整数。</source>
        <translation>%1: enter a whole number from 0 to %2.</translation>
    </message>
    <message>
        <source>%1：请填写不超过%2的整数。</source>
        <translation>%1: enter a whole number no greater than %2.</translation>
    </message>
    <message>
        <source>%1：请填写数字。</source>
        <translation>%1: enter a number.</translation>
    </message>
    <message>
        <source>%1：请填写文字。</source>
        <translation>%1: enter text.</translation>
    </message>
    <message>
        <source>%1：请至少选择一个擅长的服务类别。</source>
        <translation>%1: choose at least one service category of expertise.</translation>
    </message>
    <message>
        <source>%1；%2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>BMP 图片</source>
        <translation>BMP image</translation>
    </message>
    <message>
        <source>Excel 日期序号 60 对应不存在的 1900-02-29，%1</source>
        <translation>Excel date number 60 is 1900-02-29, a day that never existed. %1</translation>
    </message>
    <message>
        <source>Excel 日期序号“%1”超出范围，%2</source>
        <translation>Excel date number “%1” is out of range. %2</translation>
    </message>
    <message>
        <source>GIF 图片</source>
        <translation>GIF image</translation>
    </message>
    <message>
        <source>HEIC 图片</source>
        <translation>HEIC image</translation>
    </message>
    <message>
        <source>ISO 8601 格式的时间</source>
        <translation>a time in ISO 8601 form</translation>
    </message>
    <message>
        <source>JPEG 图片</source>
        <translation>JPEG image</translation>
    </message>
    <message>
        <source>PNG 图片</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>UUID 编号</source>
        <translation>a UUID</translation>
    </message>
    <message>
        <source>WebP 图片</source>
        <translation>WebP image</translation>
    </message>
    <message>
        <source>Word 文档(.doc/.wps)</source>
        <translation>Word document (.doc/.wps)</translation>
    </message>
    <message>
        <source>Word 文档(.docx)</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD 格式的日期</source>
        <translation>a date as YYYY-MM-DD</translation>
    </message>
    <message>
        <source>true 或 false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>“%1”%2</source>
        <translation>“%1” %2</translation>
    </message>
    <message>
        <source>“%1”一段应为文字</source>
        <translation>section “%1” should be text</translation>
    </message>
    <message>
        <source>“%1”一段超过%2个字符，请缩短</source>
        <translation>section “%1” is longer than %2 characters; please shorten it</translation>
    </message>
    <message>
        <source>“%1”不是企业规模，请从“大型、中型、小型、微型”中选择，多个用逗号分隔；留空表示全部规模。</source>
        <translation>“%1” is not an enterprise size. Choose from large, medium, small and micro, separated by commas; leave empty for all sizes.</translation>
    </message>
    <message>
        <source>“%1”不是可选的值，请从%2中选择</source>
        <translation>“%1” is not one of the choices; choose one of %2</translation>
    </message>
    <message>
        <source>“%1”不是同步的数据表</source>
        <translation>“%1” is not a synchronised table</translation>
    </message>
    <message>
        <source>“%1”不是国民经济行业分类（GB/T 4754-2017）的门类字母或行业代码，请填写如“C”（制造业）或“65”（软件和信息技术服务业），多个用逗号分隔；留空表示全部行业。</source>
        <translation>“%1” is not a section letter or industry code of GB/T 4754-2017. Enter e.g. “C” (manufacturing) or “65” (software and IT services), separated by commas; leave empty for all industries.</translation>
    </message>
    <message>
        <source>“%1”不是广州市的区，请从“%2”中选择，多个用逗号分隔；留空表示全市。</source>
        <translation>“%1” is not a district of Guangzhou. Choose from “%2”, separated by commas; leave empty for the whole city.</translation>
    </message>
    <message>
        <source>“%1”不是数字，请填写如 12.30 的数字</source>
        <translation>“%1” is not a number; enter a number such as 12.30</translation>
    </message>
    <message>
        <source>“%1”不是数字，请填写数字</source>
        <translation>“%1” is not a number; enter a number</translation>
    </message>
    <message>
        <source>“%1”不是整数，请填写整数</source>
        <translation>“%1” is not a whole number; enter a whole number</translation>
    </message>
    <message>
        <source>“%1”不是文件，请选择一个文件。</source>
        <translation>“%1” is not a file. Please choose a file.</translation>
    </message>
    <message>
        <source>“%1”不是日期，请写成 2026-03-02 这样的格式</source>
        <translation>“%1” is not a date; write it like 2026-03-02</translation>
    </message>
    <message>
        <source>“%1”不是时间，请写成 2026-03-02T09:30:00+08:00 这样的格式</source>
        <translation>“%1” is not a time; write it like 2026-03-02T09:30:00+08:00</translation>
    </message>
    <message>
        <source>“%1”不是网址也不是完整的文件路径，请点“选择文件…”选择文件，或填写以 http:// 或 https:// 开头的网址。</source>
        <translation>“%1” is neither a web address nor a full file path. Click “Choose file…” or enter an address starting with http:// or https://.</translation>
    </message>
    <message>
        <source>“%1”中的日期不存在，请按“2026-03-05 培训名称”填写。</source>
        <translation>The date in “%1” does not exist. Write it as “2026-03-05 event name”.</translation>
    </message>
    <message>
        <source>“%1”已停用，</source>
        <translation>“%1” is retired; </translation>
    </message>
    <message>
        <source>“%1”有%2 MB，超过了单个材料20 MB的上限。请压缩图片或把 PDF 另存为较小的文件后再添加。</source>
        <translation>“%1” is %2 MB, over the 20 MB limit for one material. Compress the images or save the PDF smaller, then add it again.</translation>
    </message>
    <message>
        <source>“%1”的文件内容已被改动（校验值不符），请删除后重新添加原文件。</source>
        <translation>The content of “%1” has changed (checksum mismatch). Delete it and add the original file again.</translation>
    </message>
    <message>
        <source>“%1”的文件已不在本机（可能是从其他电脑同步来的，或已被删除），请重新添加。</source>
        <translation>The file of “%1” is not on this computer (perhaps synced from another computer, or deleted). Please add it again.</translation>
    </message>
    <message>
        <source>“%1”的服务清单已有%2项，已达上限；请先删除不再提供的服务，再添加新的。</source>
        <translation>The service list of “%1” already has %2 entries, the most it may have. Delete the services no longer offered before adding new ones.</translation>
    </message>
    <message>
        <source>“%1”缺少日，请写成 2024-03-05 这样的完整日期。</source>
        <translation>“%1” has no day; write a full date such as 2024-03-05.</translation>
    </message>
    <message>
        <source>“%1”（%2）%3</source>
        <translation>“%1” (%2) %3</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>一二三四</source>
        <translation>1234</translation>
    </message>
    <message>
        <source>上次登记时本机没有安全的凭据存储，令牌只保存在那次运行的内存中，现已不可用。请向服务总站管理员索取新的登记码，重新登记：%1</source>
        <translation>At the last enrolment this computer had no secure credential store, so the token was kept only in that run&apos;s memory and is gone now. Ask the HQ administrator for a new enrolment code and enrol again: %1</translation>
    </message>
    <message>
        <source>上次登记时系统没有安全的凭据存储，令牌只保存在那次运行的内存中，现已不可用，请重新登记（station-desk enroll --server %1 --code 新登记码）。</source>
        <translation>At the last enrolment the system had no secure credential store, so the token was kept only in that run&apos;s memory and is gone now. Please enrol again (station-desk enroll --server %1 --code NEW-CODE).</translation>
    </message>
    <message>
        <source>下一年度服务工作计划</source>
        <translation>Work plan for the next year</translation>
    </message>
    <message>
        <source>下载的 PDF 与服务总站登记的校验值不符（传输中损坏），请重试。</source>
        <translation>The downloaded PDF does not match the checksum HQ recorded (damaged in transfer). Please try again.</translation>
    </message>
    <message>
        <source>不能为空，请填写</source>
        <translation>required; please fill it in</translation>
    </message>
    <message>
        <source>不能为空，请填写。</source>
        <translation>Required. Please fill it in.</translation>
    </message>
    <message>
        <source>不能为空，请填写接待的工作人员姓名。</source>
        <translation>Required. Enter the name of the staff member who served.</translation>
    </message>
    <message>
        <source>不能为空，请选择企业所在的区。</source>
        <translation>Required. Choose the district the enterprise is in.</translation>
    </message>
    <message>
        <source>不能从“%1”转为“%2”。%3</source>
        <translation>Cannot go from “%1” to “%2”. %3</translation>
    </message>
    <message>
        <source>不能早于入驻日期（%1），请检查两个日期。</source>
        <translation>Cannot be earlier than the joining date (%1). Check both dates.</translation>
    </message>
    <message>
        <source>不能早于到岗日期（%1），请检查两个日期。</source>
        <translation>Cannot be earlier than the start date (%1). Check both dates.</translation>
    </message>
    <message>
        <source>不能早于发布日期（%1），请改正；长期有效请留空。</source>
        <translation>Cannot be earlier than the issue date (%1). Correct it, or leave it empty if the policy does not expire.</translation>
    </message>
    <message>
        <source>不能早于受理日期（%1），请改正。</source>
        <translation>Cannot be earlier than the date received (%1). Please correct it.</translation>
    </message>
    <message>
        <source>不能早于开始时间（%1），请改正。</source>
        <translation>Cannot be earlier than the start (%1). Please correct it.</translation>
    </message>
    <message>
        <source>不能早于服务日期（%1），请改正或留空。</source>
        <translation>Cannot be earlier than the service date (%1). Correct it or leave it empty.</translation>
    </message>
    <message>
        <source>不能是负数（现在是“%1”），请填写 0 或正数。</source>
        <translation>Cannot be negative (now “%1”). Enter 0 or a positive number.</translation>
    </message>
    <message>
        <source>不能晚于今天（%1），请填写实际服务的日期。</source>
        <translation>Cannot be later than today (%1). Enter the date the service was actually given.</translation>
    </message>
    <message>
        <source>不能晚于今天（%1），请改正。</source>
        <translation>Cannot be later than today (%1). Please correct it.</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>与%1使用同一个统一社会信用代码 %2，请核对后删除多余的一条。</source>
        <translation>Uses the same unified social credit code %2 as %1. Check and delete the extra one.</translation>
    </message>
    <message>
        <source>与第%1行是同一家企业（%2）</source>
        <translation>Same enterprise as row %1 (%2)</translation>
    </message>
    <message>
        <source>与第%1行重复（同一%2内容不同），未导入。请合并为一行。</source>
        <translation>Repeats row %1 (same %2, different content); not imported. Merge them into one row.</translation>
    </message>
    <message>
        <source>专业技术服务业</source>
        <translation>Professional technical services</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>expert</translation>
    </message>
    <message>
        <source>专家姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>专家库</source>
        <translation>Expert pool</translation>
    </message>
    <message>
        <source>专用设备制造业</source>
        <translation>Special-purpose machinery</translation>
    </message>
    <message>
        <source>专职/兼职</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>中国共产党机关</source>
        <translation>Communist Party organs</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>主讲嘉宾</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>主题月</source>
        <translation>Theme month</translation>
    </message>
    <message>
        <source>互联网和相关服务</source>
        <translation>Internet and related services</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <source>人民政协、民主党派</source>
        <translation>CPPCC and democratic parties</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>从业人员</source>
        <translation>employees</translation>
    </message>
    <message>
        <source>从业人员（人）</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>代码 %1 属于门类 %2（%3），与所填门类 %4（%5）不一致，请核对。</source>
        <translation>Code %1 belongs to section %2 (%3), not to the section entered, %4 (%5). Please check.</translation>
    </message>
    <message>
        <source>以下部分尚未填写，打印件中将显示为“无”：%1。</source>
        <translation>These sections are not written yet and will print as “none”: %1.</translation>
    </message>
    <message>
        <source>仪器仪表制造业</source>
        <translation>Instruments and meters</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>企业发展阶段</source>
        <translation>Enterprise stage</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>企业库</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>企业库里已有“%1”使用这个%2，已存在，未导入。如需修改请在企业页面编辑。</source>
        <translation>“%1” already uses this %2; not imported. To change it, edit it on the Enterprises page.</translation>
    </message>
    <message>
        <source>企业库里有%1家名为“%2”的企业，请填写统一社会信用代码区分。</source>
        <translation>%1 enterprises are named “%2”. Enter the unified social credit code to tell them apart.</translation>
    </message>
    <message>
        <source>企业规模尚未计算，请打开该企业保存一次。</source>
        <translation>The enterprise size has not been worked out yet. Open the enterprise and save it once.</translation>
    </message>
    <message>
        <source>企业：所选企业都已被删除，请刷新匹配列表后重新勾选。</source>
        <translation>Enterprises: all chosen enterprises have been deleted. Refresh the matches and tick again.</translation>
    </message>
    <message>
        <source>企业：请至少勾选一家企业。</source>
        <translation>Enterprises: tick at least one enterprise.</translation>
    </message>
    <message>
        <source>住宿业</source>
        <translation>Accommodation</translation>
    </message>
    <message>
        <source>体育</source>
        <translation>Sports</translation>
    </message>
    <message>
        <source>依托单位</source>
        <translation>Host organisation</translation>
    </message>
    <message>
        <source>保险业</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>信用代码校验位存疑</source>
        <translation>Doubtful credit code check character</translation>
    </message>
    <message>
        <source>信用代码重复</source>
        <translation>Repeated credit code</translation>
    </message>
    <message>
        <source>修改人：只有本站在职的站长/负责人可以修改锁定期限，请由站长操作。</source>
        <translation>Changed by: only the station&apos;s current manager can change the lock period. Ask the station manager.</translation>
    </message>
    <message>
        <source>免费服务不填写金额。请清空金额，或把收费类型改为“低收费”或“有偿”。</source>
        <translation>A free service has no amount. Clear the amount, or change the fee type to “Low fee” or “Paid”.</translation>
    </message>
    <message>
        <source>入驻日期</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>入驻服务机构、服务清单和专家库%1，本站已接入服务总站，同步后自动更新，不能在本地修改。</source>
        <translation>Resident institutions, the service list and the expert pool %1. This station syncs with HQ, so they update at each sync and cannot be changed here.</translation>
    </message>
    <message>
        <source>全市</source>
        <translation>the whole city</translation>
    </message>
    <message>
        <source>全部行业</source>
        <translation>all industries</translation>
    </message>
    <message>
        <source>全部规模</source>
        <translation>all sizes</translation>
    </message>
    <message>
        <source>公共设施管理业</source>
        <translation>Public facilities management</translation>
    </message>
    <message>
        <source>其他制造业</source>
        <translation>Other manufacturing</translation>
    </message>
    <message>
        <source>其他房地产业</source>
        <translation>Other real estate</translation>
    </message>
    <message>
        <source>其他服务业</source>
        <translation>Other services</translation>
    </message>
    <message>
        <source>其他采矿业</source>
        <translation>Other mining</translation>
    </message>
    <message>
        <source>其他金融业</source>
        <translation>Other financial services</translation>
    </message>
    <message>
        <source>农、林、牧、渔专业及辅助性活动</source>
        <translation>Agricultural support activities</translation>
    </message>
    <message>
        <source>农业</source>
        <translation>Farming</translation>
    </message>
    <message>
        <source>农副食品加工业</source>
        <translation>Agri-food processing</translation>
    </message>
    <message>
        <source>准备时长（分钟）</source>
        <translation>Preparation (minutes)</translation>
    </message>
    <message>
        <source>分派时请选择一个承办方：工作人员、入驻服务机构或专家（只能选一个）。</source>
        <translation>When assigning, choose one assignee: a staff member, a resident institution or an expert (only one).</translation>
    </message>
    <message>
        <source>到岗日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>化学原料和化学制品制造业</source>
        <translation>Chemicals</translation>
    </message>
    <message>
        <source>化学纤维制造业</source>
        <translation>Chemical fibres</translation>
    </message>
    <message>
        <source>医药制造业</source>
        <translation>Pharmaceuticals</translation>
    </message>
    <message>
        <source>卫生</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>印刷和记录媒介复制业</source>
        <translation>Printing and media reproduction</translation>
    </message>
    <message>
        <source>参加服务总站培训</source>
        <translation>Service HQ training attended</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>发布机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>只有“分派”时才能指定承办方。</source>
        <translation>An assignee can be set only when the status is “Assigned”.</translation>
    </message>
    <message>
        <source>只有“回访”时才能填写满意度。</source>
        <translation>Satisfaction can be entered only at “Follow-up”.</translation>
    </message>
    <message>
        <source>只有状态为“已退出”时才填写退出日期，请清空或把状态改为“已退出”。</source>
        <translation>A leaving date is entered only when the status is “Left”. Clear it or set the status to “Left”.</translation>
    </message>
    <message>
        <source>只有站长/负责人可以新增、修改或删除政策，请由站长操作。</source>
        <translation>Only the station manager can add, change or delete policies.</translation>
    </message>
    <message>
        <source>只有被服务总站退回的报告才能重新编辑。</source>
        <translation>Only a report that HQ returned can be edited again.</translation>
    </message>
    <message>
        <source>合作机构</source>
        <translation>Partner institutions</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>名称与%1实质相同（不计“广州”“有限公司”和标点），可能是同一家企业，请核对。</source>
        <translation>The name is essentially the same as %1 (ignoring “Guangzhou”, “Co., Ltd.” and punctuation); it may be the same enterprise. Please check.</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>含有换行、制表符或不可见字符，请按营业执照重新输入。</source>
        <translation>contains line breaks, tabs or invisible characters. Type it again from the business licence.</translation>
    </message>
    <message>
        <source>商务服务业</source>
        <translation>Business services</translation>
    </message>
    <message>
        <source>回收站里没有这场活动，无法恢复。</source>
        <translation>This event is not in the recycle bin; it cannot be restored.</translation>
    </message>
    <message>
        <source>回收站里没有这家企业，无法恢复。</source>
        <translation>This enterprise is not in the recycle bin; it cannot be restored.</translation>
    </message>
    <message>
        <source>回收站里没有这条服务记录，无法恢复。</source>
        <translation>This service record is not in the recycle bin; it cannot be restored.</translation>
    </message>
    <message>
        <source>回收站里没有这条服务需求，无法恢复。</source>
        <translation>This demand is not in the recycle bin; it cannot be restored.</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>回访时请填写1–5分的满意度（5分最满意）。</source>
        <translation>At follow-up, enter a satisfaction score of 1–5 (5 is best).</translation>
    </message>
    <message>
        <source>回访满意度</source>
        <translation>Follow-up satisfaction</translation>
    </message>
    <message>
        <source>国家机构</source>
        <translation>State organs</translation>
    </message>
    <message>
        <source>土地管理业</source>
        <translation>Land management</translation>
    </message>
    <message>
        <source>土木工程建筑业</source>
        <translation>Civil engineering</translation>
    </message>
    <message>
        <source>在“%1”中找不到名为“%2”的%3。请按“%4”中的名称填写全称，或先添加该%5；没有转介请留空。</source>
        <translation>No %3 named “%2” was found in “%1”. Enter the full name as listed in “%4”, or add the %5 first; leave it empty if there was no referral.</translation>
    </message>
    <message>
        <source>在企业库中找不到“%1”（按统一社会信用代码或企业全称查找），请先登记或导入该企业。</source>
        <translation>“%1” was not found among the enterprises (by credit code or full name). Add or import the enterprise first.</translation>
    </message>
    <message>
        <source>在文件前30行中没有找到表头（如“企业名称”“统一社会信用代码”），请检查是否选错了文件或工作表。</source>
        <translation>No header row (such as “企业名称”, “统一社会信用代码”) was found in the first 30 rows. Check that the right file and sheet were chosen.</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>场地情况</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>基层群众自治组织及其他组织</source>
        <translation>Grassroots self-governing and other organisations</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>多个号码请用“/”分隔。</source>
        <translation> Separate several numbers with “/”.</translation>
    </message>
    <message>
        <source>多式联运和运输代理业</source>
        <translation>Multimodal transport and forwarding</translation>
    </message>
    <message>
        <source>失效日期</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>娱乐业</source>
        <translation>Entertainment</translation>
    </message>
    <message>
        <source>定期信息报送</source>
        <translation>Periodic information report</translation>
    </message>
    <message>
        <source>宣贯政策</source>
        <translation>Policies briefed</translation>
    </message>
    <message>
        <source>家具制造业</source>
        <translation>Furniture</translation>
    </message>
    <message>
        <source>家次</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>居民服务业</source>
        <translation>Household services</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>工作制度备案日期</source>
        <translation>Work rules filed on</translation>
    </message>
    <message>
        <source>工作制度文件</source>
        <translation>Work rules document</translation>
    </message>
    <message>
        <source>工作目标：未知的指标“%1”。</source>
        <translation>Targets: unknown indicator “%1”.</translation>
    </message>
    <message>
        <source>已为%1家企业登记政策宣传服务记录</source>
        <translation>Policy briefing records added for %1 enterprises</translation>
    </message>
    <message>
        <source>已交服务总站</source>
        <translation>Delivered to HQ</translation>
    </message>
    <message>
        <source>已交服务总站（第 %1 版）</source>
        <translation>Delivered to HQ (version %1)</translation>
    </message>
    <message>
        <source>已信任服务总站的证书颁发机构(CA)文件（已复制为档案文件夹中的 %1）。</source>
        <translation>HQ&apos;s certificate authority (CA) file is now trusted (copied to the profile folder as %1).</translation>
    </message>
    <message>
        <source>已登记到服务总站：%1（%2）。</source>
        <translation>Enrolled with HQ: %1 (%2).</translation>
    </message>
    <message>
        <source>找不到证书颁发机构(CA)文件：%1。请确认文件路径，或重新向服务总站索取。</source>
        <translation>Certificate authority (CA) file not found: %1. Check the path, or ask HQ for it again.</translation>
    </message>
    <message>
        <source>无法使用证书颁发机构(CA)文件 %1：它不可读或不是 PEM 格式的证书（.pem/.crt），请向服务总站索取正确的 CA 文件。</source>
        <translation>The certificate authority (CA) file %1 cannot be used: it is unreadable or not a PEM certificate (.pem/.crt). Ask HQ for the right CA file.</translation>
    </message>
    <message>
        <source>无法连接服务总站同步服务（%1）：网络不通或服务器未启动。数据已保存在本机，稍后再试。</source>
        <translation>Cannot reach HQ&apos;s sync service (%1): no network, or the server is down. Your data is saved on this computer; try again later.</translation>
    </message>
    <message>
        <source>无法连接服务总站（%1）：网络不通或服务器未启动。</source>
        <translation>Cannot reach HQ (%1): no network, or the server is down.</translation>
    </message>
    <message>
        <source>服务器证书不受信任：%1 的证书不是由本机信任的证书颁发机构签发的（例如自签名或单位内部证书）。请向服务总站索取证书颁发机构(CA)文件，并在登记时用 --ca-file 指定，或把它加入系统信任。</source>
        <translation>Server certificate not trusted: the certificate of %1 was not issued by an authority this computer trusts (e.g. self-signed or an in-house certificate). Ask HQ for the certificate authority (CA) file and give it with --ca-file when enrolling, or add it to the system&apos;s trusted certificates.</translation>
    </message>
    <message>
        <source>服务器证书与网址不符：%1 出示的证书不是为这个地址签发的。请使用证书上的域名访问服务总站，或请服务总站为这个地址重新签发证书。</source>
        <translation>Server certificate does not match the address: %1 presented a certificate issued for another address. Use the domain name on the certificate, or ask HQ to issue a certificate for this address.</translation>
    </message>
    <message>
        <source>服务器证书已过期：%1 的证书已超过有效期，请联系服务总站更换证书；数据已保存在本机。</source>
        <translation>Server certificate expired: the certificate of %1 is past its validity. Ask HQ to renew it; your data is saved on this computer.</translation>
    </message>
    <message>
        <source>本机原来的站点编码“%1”已改为服务总站分配的“%2”。</source>
        <translation>This computer&apos;s station code “%1” is now HQ&apos;s “%2”.</translation>
    </message>
    <message>
        <source>本档案已登记为服务总站的另一个服务站（%1），并且已有该站的工作记录，不能改登记为“%2”。请为新站点新建一个档案再登记；如果登记码发错了，请联系服务总站重新发放本站的登记码。</source>
        <translation>This profile is enrolled as another HQ station (%1) and holds that station&apos;s records, so it cannot be enrolled as “%2”. Make a new profile for the new station and enrol that; if the code was sent by mistake, ask HQ to reissue this station&apos;s code.</translation>
    </message>
    <message>
        <source>本档案还没有登记到服务总站，请先运行：station-desk enroll --server 服务总站网址 --code 登记码</source>
        <translation>This profile is not enrolled with HQ yet. First run: station-desk enroll --server HQ-ADDRESS --code ENROLMENT-CODE</translation>
    </message>
    <message>
        <source>本站太久没有同步，需要从服务总站重新下载全部数据。</source>
        <translation>This station has not synced for too long; all data must be downloaded from HQ again.</translation>
    </message>
    <message>
        <source>这份报告的 PDF 还没有传到服务总站：服务站下次同步时会自动上传，请稍后刷新。</source>
        <translation>This report&apos;s PDF has not reached HQ yet; the station uploads it at its next sync. Refresh later.</translation>
    </message>
    <message>
        <source>这是演示档案（其中是生成的演示数据），不能登记到服务总站，也不能同步：演示数据会被上传到服务总站，混进真实的统计。请为真实的服务站新建一个档案再登记，例如：station-desk --profile 本站 enroll --server 服务总站网址 --code 登记码。</source>
        <translation>This is the demo profile (generated demo data); it cannot enrol with HQ or sync, or the demo data would mix into the real figures. Make a profile for the real station and enrol that, e.g. station-desk --profile STATION enroll --server HQ-ADDRESS --code CODE.</translation>
    </message>
    <message>
        <source>连接服务总站同步服务超时，数据已保存在本机，稍后再试。</source>
        <translation>HQ&apos;s sync service timed out. Your data is saved on this computer; try again later.</translation>
    </message>
    <message>
        <source>连接服务总站超时，请稍后再试。</source>
        <translation>Connecting to HQ timed out. Please try again later.</translation>
    </message>
    <message>
        <source>错误：report 需要服务总站同步数据库地址：请用 --db 或环境变量 %1 指定。</source>
        <translation>Error: report needs HQ&apos;s sync database address: give it with --db or the environment variable %1.</translation>
    </message>
    <message>
        <source>错误：无法连接或操作服务总站数据库：%1</source>
        <translation>Error: cannot reach or use HQ&apos;s database: %1</translation>
    </message>
    <message>
        <source>GNOME 密钥环 / Secret Service</source>
        <translation>GNOME Keyring / Secret Service</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> or </translation>
    </message>
    <message>
        <source>%1 第%2条：%3。</source>
        <translation>%1, row %2: %3.</translation>
    </message>
    <message>
        <source>%1中已有编码为“%2”的选项，请换一个编码，或修改原有选项。</source>
        <translation>%1 already has an option with code “%2”. Use another code, or change the existing option.</translation>
    </message>
    <message>
        <source>%1最多%2项，请停用不再使用的选项。</source>
        <translation>%1 has at most %2 items. Turn off the options no longer used.</translation>
    </message>
    <message>
        <source>%1（%2）“%3”应写成 2026-03-02 这样的格式，留空表示今天。</source>
        <translation>%1 (%2) &quot;%3&quot; should be written like 2026-03-02; leave it empty for today.</translation>
    </message>
    <message>
        <source>%1（%2）包含无法保存的特殊字符（如空字符），请删除后重试。</source>
        <translation>%1 (%2) contains special characters that cannot be saved (such as a null character). Remove them and try again.</translation>
    </message>
    <message>
        <source>%1（%2）应为%3之一，留空表示不限。</source>
        <translation>%1 (%2) must be one of %3; leave it empty for any.</translation>
    </message>
    <message>
        <source>%1（category）应从服务类别中选择：%2。</source>
        <translation>%1 (category) must be chosen from the service categories: %2.</translation>
    </message>
    <message>
        <source>%1（id）应为正整数。</source>
        <translation>%1 (id) must be a positive whole number.</translation>
    </message>
    <message>
        <source>%1（只有“已提交”的报告可以通过或退回，请刷新列表。）</source>
        <translation>%1 (only a submitted report can be accepted or returned; refresh the list.)</translation>
    </message>
    <message>
        <source>GNOME 密钥环 / libsecret</source>
        <translation>GNOME Keyring / libsecret</translation>
    </message>
    <message>
        <source>KDE 钱包</source>
        <translation>KDE Wallet</translation>
    </message>
    <message>
        <source>Windows 凭据管理器</source>
        <translation>Windows Credential Manager</translation>
    </message>
    <message>
        <source>macOS 钥匙串</source>
        <translation>macOS Keychain</translation>
    </message>
    <message>
        <source>“%1”不是可用的字段；可填写：处理结果（approve）、处理意见（comment）。</source>
        <translation>&quot;%1&quot; is not a field you can use; allowed: decision (approve), comment (comment).</translation>
    </message>
    <message>
        <source>“%1”不是服务总站发布的参考数据（可发布：%2）。</source>
        <translation>&quot;%1&quot; is not reference data HQ publishes (publishable: %2).</translation>
    </message>
    <message>
        <source>“%1”不能在这里填写或修改；可填写：%2。</source>
        <translation>&quot;%1&quot; cannot be filled in or changed here; allowed: %2.</translation>
    </message>
    <message>
        <source>“%1”对应%2家企业（%3%4），请输入完整名称或统一社会信用代码。</source>
        <translation>“%1” matches %2 enterprises (%3%4). Type the full name or the unified social credit code.</translation>
    </message>
    <message>
        <source>“%1”已于%2退出。</source>
        <translation>“%1” left on %2.</translation>
    </message>
    <message>
        <source>“%1”已在驻，无需再次入驻。</source>
        <translation>“%1” is already resident; it need not join again.</translation>
    </message>
    <message>
        <source>“%1”既不是合并编号，也不是企业编号（uuid）。</source>
        <translation>&quot;%1&quot; is neither a merge number nor an enterprise number (uuid).</translation>
    </message>
    <message>
        <source>“%1”现在是“%2”，只有在驻的机构可以暂停。</source>
        <translation>“%1” is now “%2”; only a resident institution can be suspended.</translation>
    </message>
    <message>
        <source>“%1”由服务总站统一维护，服务站不能修改，本地修改未被接受。</source>
        <translation>&quot;%1&quot; is maintained by HQ; stations cannot change it, so the local change was not accepted.</translation>
    </message>
    <message>
        <source>上传位置不对：服务总站已收到这个文件的 %1 字节，下一段应从第 %2 字节开始（请求从 %3 开始）。</source>
        <translation>Wrong upload position: HQ has received %1 bytes of this file, so the next part should start at byte %2 (the request started at %3).</translation>
    </message>
    <message>
        <source>上传的内容不完整，请重新同步以重新上传。</source>
        <translation>The upload is incomplete. Sync again to upload it again.</translation>
    </message>
    <message>
        <source>上传的内容超出了声明的文件大小（%1 字节），请重新提交。</source>
        <translation>The upload is larger than the declared file size (%1 bytes). Please submit it again.</translation>
    </message>
    <message>
        <source>上传的文件内容与它的 SHA-256 校验值不符（文件可能在传输中损坏或被改动），服务总站没有保存，请重新同步。</source>
        <translation>The uploaded file does not match its SHA-256 checksum (it may have been damaged or changed in transit). HQ did not keep it; please sync again.</translation>
    </message>
    <message>
        <source>上传的这一段是空的，请重新同步。</source>
        <translation>This part of the upload is empty. Please sync again.</translation>
    </message>
    <message>
        <source>不是可用的字段</source>
        <translation>is not a usable field</translation>
    </message>
    <message>
        <source>不是可选的值</source>
        <translation>is not one of the choices</translation>
    </message>
    <message>
        <source>不是有效的 JSON</source>
        <translation>is not valid JSON</translation>
    </message>
    <message>
        <source>不符合要求</source>
        <translation>does not meet the requirements</translation>
    </message>
    <message>
        <source>不能为空</source>
        <translation>cannot be empty</translation>
    </message>
    <message>
        <source>不能撤销自己的账号：请让另一位管理员办理。</source>
        <translation>You cannot revoke your own account: ask another administrator to do it.</translation>
    </message>
    <message>
        <source>企业 %1 已不在服务总站库中，无法执行；请驳回这条申请。</source>
        <translation>Enterprise %1 is no longer in HQ&apos;s library, so this cannot be done; reject the request.</translation>
    </message>
    <message>
        <source>企业 %1 没有可撤销的合并。</source>
        <translation>Enterprise %1 has no merge to undo.</translation>
    </message>
    <message>
        <source>企业“%1”已被删除，无法合并；请驳回这条申请。</source>
        <translation>Enterprise &quot;%1&quot; has been deleted and cannot be merged; reject the request.</translation>
    </message>
    <message>
        <source>企业“%1”已被删除，无需再处理。</source>
        <translation>Enterprise “%1” has already been deleted; nothing more to do.</translation>
    </message>
    <message>
        <source>你的角色（%1）不能执行这项操作，只有%2可以。如需办理，请联系服务总站管理员。</source>
        <translation>Your role (%1) cannot do this; only %2 can. To get it done, contact an HQ administrator.</translation>
    </message>
    <message>
        <source>保留下来的企业 %1 后来又被合并（合并编号 %2），请先撤销那次合并。</source>
        <translation>The enterprise kept, %1, was merged again later (merge %2). Undo that merge first.</translation>
    </message>
    <message>
        <source>保留下来的企业 %1 已被删除，无法撤销合并；请先恢复它。</source>
        <translation>The enterprise kept, %1, has been deleted, so the merge cannot be undone; restore it first.</translation>
    </message>
    <message>
        <source>入驻状态（status）应为%1之一。</source>
        <translation>Status (status) must be one of %1.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>合并 %1 发生在服务总站保留合并前数据之前，无法自动撤销。</source>
        <translation>Merge %1 happened before HQ kept the data from before merges, so it cannot be undone automatically.</translation>
    </message>
    <message>
        <source>合并 %1 已于 %2 由 %3 撤销。</source>
        <translation>Merge %1 was undone on %2 by %3.</translation>
    </message>
    <message>
        <source>同一文件的上传说明前后不一致（大小或类型变了），请重新提交。</source>
        <translation>The description of this upload changed (its size or type). Please submit it again.</translation>
    </message>
    <message>
        <source>同步令牌无效、已过期或已被服务总站撤销，请联系服务总站获取新的登记码后重新登记。</source>
        <translation>The sync token is invalid, expired or revoked by HQ. Ask HQ for a new enrolment code and enrol again.</translation>
    </message>
    <message>
        <source>处理意见（comment）应为不超过%1个字的文字。</source>
        <translation>Comment (comment) must be text of at most %1 characters.</translation>
    </message>
    <message>
        <source>处理结果（approve）应为 true（批准）或 false（驳回）。</source>
        <translation>Decision (approve) must be true (approve) or false (reject).</translation>
    </message>
    <message>
        <source>太长</source>
        <translation>is too long</translation>
    </message>
    <message>
        <source>太长（最多 %1 个字）</source>
        <translation>is too long (at most %1 characters)</translation>
    </message>
    <message>
        <source>审阅意见太长（最多 %1 个字），请精简后再提交。</source>
        <translation>The review comment is too long (at most %1 characters). Please shorten it and submit again.</translation>
    </message>
    <message>
        <source>已删除企业“%1”，各服务站下次同步后生效。</source>
        <translation>Enterprise “%1” deleted; stations see it at their next sync.</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已把企业“%1”并入 %2（合并编号 %3，可用 unmerge %4 撤销）。</source>
        <translation>Enterprise “%1” merged into %2 (merge %3; unmerge %4 undoes it).</translation>
    </message>
    <message>
        <source>已把企业“%1”的统一社会信用代码改为 %2（已没有其他使用该代码的企业，未合并）。</source>
        <translation>The credit code of enterprise “%1” is now %2 (no other enterprise uses that code any more, so nothing was merged).</translation>
    </message>
    <message>
        <source>已报名过%1家</source>
        <translation>%1 already registered</translation>
    </message>
    <message>
        <source>已授牌</source>
        <translation>Plaque awarded</translation>
    </message>
    <message>
        <source>已提交、已通过或已退回的报告不能删除。</source>
        <translation>A submitted, accepted or returned report cannot be deleted.</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已超过办结期限 %1 天（期限 %2），当前状态为“%3”。请跟进办结，或与企业商定后调整期限。</source>
        <translation>%1 days past the due date (%2); the status is “%3”. Follow it up to completion, or agree a new due date with the enterprise.</translation>
    </message>
    <message>
        <source>已退回待重交</source>
        <translation>Returned, awaiting resubmission</translation>
    </message>
    <message>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>已驳回，企业“%1”保持不变。</source>
        <translation>Rejected; enterprise “%1” stays as it is.</translation>
    </message>
    <message>
        <source>市工业和信息化局</source>
        <translation>Municipal Bureau of Industry and IT</translation>
    </message>
    <message>
        <source>年份 %1 超出范围（1900–2100），请核对。</source>
        <translation>Year %1 is out of range (1900–2100). Please check.</translation>
    </message>
    <message>
        <source>年度总结</source>
        <translation>Annual summary</translation>
    </message>
    <message>
        <source>年度服务工作总结</source>
        <translation>Annual work summary</translation>
    </message>
    <message>
        <source>年度服务工作计划</source>
        <translation>Annual work plan</translation>
    </message>
    <message>
        <source>年度汇总数据</source>
        <translation>annual summary data</translation>
    </message>
    <message>
        <source>年度计划</source>
        <translation>Annual plan</translation>
    </message>
    <message>
        <source>年度：%1 不是有效的年份，请填写 %2–%3 之间的年份。</source>
        <translation>Year: %1 is not a valid year. Enter a year from %2 to %3.</translation>
    </message>
    <message>
        <source>年度：请填写要统计的年份，例如 2026。</source>
        <translation>Year: enter the year to count, e.g. 2026.</translation>
    </message>
    <message>
        <source>年度：请选择%1–%2之间的年份。</source>
        <translation>Year: choose a year from %1 to %2.</translation>
    </message>
    <message>
        <source>广播、电视、电影和录音制作业</source>
        <translation>Broadcasting, film and recording</translation>
    </message>
    <message>
        <source>应为%1，收到 %2</source>
        <translation>should be %1, got %2</translation>
    </message>
    <message>
        <source>应为36位的记录编号（uuid）</source>
        <translation>should be a 36-character record id (uuid)</translation>
    </message>
    <message>
        <source>应为“是”或“否”（true/false）</source>
        <translation>should be yes or no (true/false)</translation>
    </message>
    <message>
        <source>应为列表</source>
        <translation>should be a list</translation>
    </message>
    <message>
        <source>应为对象</source>
        <translation>should be an object</translation>
    </message>
    <message>
        <source>应为整数</source>
        <translation>should be a whole number</translation>
    </message>
    <message>
        <source>应为整数，现在是“%1”。</source>
        <translation>must be a whole number; it is “%1”.</translation>
    </message>
    <message>
        <source>应为文字</source>
        <translation>should be text</translation>
    </message>
    <message>
        <source>应为日期（YYYY-MM-DD）</source>
        <translation>should be a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>应为是或否</source>
        <translation>should be yes or no</translation>
    </message>
    <message>
        <source>应为最多%1段文字</source>
        <translation>should be at most %1 sections of text</translation>
    </message>
    <message>
        <source>应为最多%1项指标</source>
        <translation>should be at most %1 indicators</translation>
    </message>
    <message>
        <source>应为最多%1项的列表</source>
        <translation>should be a list of at most %1 items</translation>
    </message>
    <message>
        <source>应写作“%1”（去掉空格和横线、字母大写）</source>
        <translation>should be written “%1” (no spaces or dashes, capital letters)</translation>
    </message>
    <message>
        <source>应在%1到%2之间，现在是%3</source>
        <translation>should be between %1 and %2; it is %3</translation>
    </message>
    <message>
        <source>应在1到5之间（现为%1），未调查请留空。</source>
        <translation>Must be from 1 to 5 (now %1); leave it empty if not surveyed.</translation>
    </message>
    <message>
        <source>废弃资源综合利用业</source>
        <translation>Waste recycling</translation>
    </message>
    <message>
        <source>建筑安装业</source>
        <translation>Building installation</translation>
    </message>
    <message>
        <source>建筑装饰、装修和其他建筑业</source>
        <translation>Building decoration and other construction</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>开采专业及辅助性活动</source>
        <translation>Mining support activities</translation>
    </message>
    <message>
        <source>当前可以转为：%1。</source>
        <translation>It can move to: %1.</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>必须填写</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>房地产中介服务</source>
        <translation>Real estate agency</translation>
    </message>
    <message>
        <source>房地产开发经营</source>
        <translation>Real estate development</translation>
    </message>
    <message>
        <source>房屋建筑业</source>
        <translation>Building construction</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>所在区“%1”不是广州的区：请填写%2之一。</source>
        <translation>District &quot;%1&quot; is not a district of Guangzhou: enter one of %2.</translation>
    </message>
    <message>
        <source>所在区不能为空：请填写%1之一，如 天河区。</source>
        <translation>District cannot be empty: enter one of %1, such as Tianhe.</translation>
    </message>
    <message>
        <source>所在区：最多%1个字，请填写区名，例如“天河区”。</source>
        <translation>District: at most %1 characters; enter a district name, such as &quot;Tianhe District&quot;.</translation>
    </message>
    <message>
        <source>所在区：请从广州市十一个区中选择（%1）。</source>
        <translation>District: choose one of Guangzhou&apos;s eleven districts (%1).</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>所属行业（需细到大类）</source>
        <translation>the industry (down to the division)</translation>
    </message>
    <message>
        <source>批发业</source>
        <translation>Wholesale</translation>
    </message>
    <message>
        <source>找不到%1（编号 %2），可能已被删除，请刷新后再试。</source>
        <translation>%1 not found (number %2); it may have been deleted. Refresh and try again.</translation>
    </message>
    <message>
        <source>找不到“%1”，请核对名称或信用代码，或先在企业库中新建。</source>
        <translation>“%1” was not found. Check the name or credit code, or add the enterprise first.</translation>
    </message>
    <message>
        <source>找不到企业%1行</source>
        <translation>%1 rows with unknown enterprises</translation>
    </message>
    <message>
        <source>找不到文件：%1</source>
        <translation>File not found: %1</translation>
    </message>
    <message>
        <source>找不到编号为 %1 的合并。</source>
        <translation>There is no merge numbered %1.</translation>
    </message>
    <message>
        <source>找不到编号为 %1 的申请。</source>
        <translation>There is no request numbered %1.</translation>
    </message>
    <message>
        <source>找不到要修改的记录（%1 %2）。</source>
        <translation>The record to change was not found (%1 %2).</translation>
    </message>
    <message>
        <source>找不到这份报告（可能已被服务站删除），请刷新列表。</source>
        <translation>This report was not found (the station may have deleted it). Please refresh the list.</translation>
    </message>
    <message>
        <source>找不到这份报告：服务总站还没有收到它（请先同步报告本身），或它不属于本站。</source>
        <translation>This report was not found: HQ has not received it yet (sync the report itself first), or it does not belong to this station.</translation>
    </message>
    <message>
        <source>找不到这份材料（可能已被删除），请刷新。</source>
        <translation>This material was not found (perhaps deleted). Please refresh.</translation>
    </message>
    <message>
        <source>找不到这位专家（可能已被删除），请刷新列表。</source>
        <translation>This expert was not found (perhaps deleted). Please refresh the list.</translation>
    </message>
    <message>
        <source>找不到这位工作人员（可能已被删除），请刷新人员列表。</source>
        <translation>This staff member was not found (perhaps deleted). Please refresh the staff list.</translation>
    </message>
    <message>
        <source>找不到这家企业（可能已被删除），请刷新列表。</source>
        <translation>This enterprise was not found (perhaps deleted). Please refresh the list.</translation>
    </message>
    <message>
        <source>找不到这家服务机构（可能已被删除），请刷新列表。</source>
        <translation>This institution was not found (perhaps deleted). Please refresh the list.</translation>
    </message>
    <message>
        <source>找不到这条服务清单（可能已被删除），请刷新列表。</source>
        <translation>This service item was not found (perhaps deleted). Please refresh the list.</translation>
    </message>
    <message>
        <source>承办方</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>registered</translation>
    </message>
    <message>
        <source>报名信息刚被其他人修改过，请刷新后再操作。</source>
        <translation>The registration was just changed by someone else. Refresh and try again.</translation>
    </message>
    <message>
        <source>报名并签到</source>
        <translation>registered and checked in</translation>
    </message>
    <message>
        <source>报名表需要“企业名称”或“统一社会信用代码”一列，请检查表头。</source>
        <translation>The list needs a “企业名称” (name) or “统一社会信用代码” (credit code) column. Check the header row.</translation>
    </message>
    <message>
        <source>报名记录：已不存在，请刷新。</source>
        <translation>Registration: no longer exists. Please refresh.</translation>
    </message>
    <message>
        <source>报告 PDF</source>
        <translation>Report PDF</translation>
    </message>
    <message>
        <source>报告不能从“%1”改为“%2”。</source>
        <translation>A report cannot go from &quot;%1&quot; to &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>报告内容：未知的栏目“%1”。</source>
        <translation>Report: unknown section “%1”.</translation>
    </message>
    <message>
        <source>报告状态“%1”无效</source>
        <translation>report status “%1” is not valid</translation>
    </message>
    <message>
        <source>报告类型“%1”无效，可选：%2。</source>
        <translation>Report type &quot;%1&quot; is not valid; choices: %2.</translation>
    </message>
    <message>
        <source>报送期间：“%1”无法识别。%2。</source>
        <translation>Period: “%1” is not recognised. %2.</translation>
    </message>
    <message>
        <source>报送期间：请选择月份（如2026-09）或季度（如2026-Q3）。</source>
        <translation>Period: choose a month (e.g. 2026-09) or a quarter (e.g. 2026-Q3).</translation>
    </message>
    <message>
        <source>挂牌、工作制度、场地设备、联系人和地址电话由服务站自己填报，服务总站不能修改；服务总站可以修改编码、名称、区和状态。</source>
        <translation>The plaque, working rules, premises and equipment, contact person, address and phone are reported by the station itself and HQ cannot change them; HQ can change the code, name, district and status.</translation>
    </message>
    <message>
        <source>挂牌日期</source>
        <translation>Sign put up on</translation>
    </message>
    <message>
        <source>挂牌照片</source>
        <translation>Photo of the sign</translation>
    </message>
    <message>
        <source>指标“%1”应为数字</source>
        <translation>indicator “%1” should be a number</translation>
    </message>
    <message>
        <source>擅长领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>操作人：找不到这位工作人员，请从人员列表中选择。</source>
        <translation>Done by: this staff member was not found. Choose from the staff list.</translation>
    </message>
    <message>
        <source>收费方式</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>收费类型</source>
        <translation>Fee type</translation>
    </message>
    <message>
        <source>收费类型为“%1”时，请填写大于0的金额；不收费请选“免费”。</source>
        <translation>With the fee type “%1”, enter an amount above 0; if nothing was charged, choose “Free”.</translation>
    </message>
    <message>
        <source>收费金额（元）</source>
        <translation>Fee (yuan)</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>政策摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>政策标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>政策类别</source>
        <translation>Policy category</translation>
    </message>
    <message>
        <source>政策类别（category）应为服务类别的编码。</source>
        <translation>Policy category (category) must be the code of a service category.</translation>
    </message>
    <message>
        <source>数值“%1”过大，请核对（金额以万元为单位）。</source>
        <translation>The value “%1” is too large. Please check (amounts are in 10,000 yuan).</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>数据格式不正确，服务总站无法保存，本次没有写入任何数据。</source>
        <translation>The data is not in the right format, so HQ could not save it; nothing was written this time.</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>文件不是有效的 Word 文档(.docx)，请另存为 .docx 或 PDF 后重新选择。</source>
        <translation>The file is not a valid Word document (.docx). Save it as .docx or PDF and choose it again.</translation>
    </message>
    <message>
        <source>文件内容是%1，与声明的%2不符，请重新选择文件。</source>
        <translation>The file is a %1, not the declared %2. Please choose the file again.</translation>
    </message>
    <message>
        <source>文件内容请按原样上传，不要压缩。</source>
        <translation>Upload the file&apos;s content as it is, without compression.</translation>
    </message>
    <message>
        <source>文件内重复%1行</source>
        <translation>%1 rows repeated in the file</translation>
    </message>
    <message>
        <source>文件太大（%1 MB），一次最多导入 %2 MB 的文件。请删除不需要的工作表和图片，或拆分成几个文件分批导入。</source>
        <translation>The file is too large (%1 MB); one import takes at most %2 MB. Delete sheets and pictures you do not need, or split it into several files and import them one by one.</translation>
    </message>
    <message>
        <source>文件用途“%1”无效，可选：%2。</source>
        <translation>File purpose “%1” is invalid; choose one of: %2.</translation>
    </message>
    <message>
        <source>文件编号应为 64 位小写十六进制的 SHA-256 值。</source>
        <translation>A file number must be a SHA-256 value of 64 lower-case hexadecimal digits.</translation>
    </message>
    <message>
        <source>文件解压后超过 %1 MB，可能已损坏或不是普通的表格。请在 Excel 或 WPS 中打开后另存为 .xlsx，或拆分成几个文件分批导入。</source>
        <translation>Unpacked, the file is larger than %1 MB: it may be damaged or not an ordinary spreadsheet. Open it in Excel or WPS and save it again as .xlsx, or split it into several files.</translation>
    </message>
    <message>
        <source>文化艺术业</source>
        <translation>Culture and arts</translation>
    </message>
    <message>
        <source>文教、工美、体育和娱乐用品制造业</source>
        <translation>Stationery, crafts, sports and toys</translation>
    </message>
    <message>
        <source>文本</source>
        <translation>text</translation>
    </message>
    <message>
        <source>新增报名%1家</source>
        <translation>%1 newly registered</translation>
    </message>
    <message>
        <source>新闻和出版业</source>
        <translation>News and publishing</translation>
    </message>
    <message>
        <source>无扩展名</source>
        <translation>no extension</translation>
    </message>
    <message>
        <source>无法写入 %1：%2。请换一个文件夹或文件名。</source>
        <translation>Cannot write %1: %2. Choose another folder or file name.</translation>
    </message>
    <message>
        <source>无法在本机保存文件（%1），请检查磁盘空间后重试。</source>
        <translation>The file could not be saved on this computer (%1). Check the free disk space and try again.</translation>
    </message>
    <message>
        <source>无法把证书颁发机构(CA)文件复制到档案文件夹（%1）：%2</source>
        <translation>The certificate authority (CA) file could not be copied to the profile folder (%1): %2</translation>
    </message>
    <message>
        <source>无法识别“%1”，%2</source>
        <translation>“%1” is not recognised. %2</translation>
    </message>
    <message>
        <source>无法识别“%1”，%2。</source>
        <translation>“%1” is not recognised. %2.</translation>
    </message>
    <message>
        <source>无法识别“%1”，请填写%2之一。</source>
        <translation>“%1” is not recognised. Enter one of %2.</translation>
    </message>
    <message>
        <source>无法识别“%1”，请填写一个手机号（11位）或座机号（如 020-12345678）。</source>
        <translation>“%1” is not recognised. Enter a mobile number (11 digits) or a landline (e.g. 020-12345678).</translation>
    </message>
    <message>
        <source>无法识别“%1”，请填写国民经济行业分类代码（如 6510）或行业名称（如 软件和信息技术服务业）。</source>
        <translation>“%1” is not recognised. Enter a GB/T 4754 industry code (e.g. 6510) or an industry name.</translation>
    </message>
    <message>
        <source>无法识别“%1”，请填写数字。</source>
        <translation>“%1” is not recognised. Enter a number.</translation>
    </message>
    <message>
        <source>无法识别“%1”，请选择 A–T 中的一个门类（如 C 制造业）。</source>
        <translation>“%1” is not recognised. Choose a section from A to T (e.g. C, manufacturing).</translation>
    </message>
    <message>
        <source>无法识别的格式</source>
        <translation>an unrecognised format</translation>
    </message>
    <message>
        <source>无法读取“%1”（%2），请确认文件存在且没有被其他程序占用。</source>
        <translation>“%1” could not be read (%2). Check that it exists and no other program is using it.</translation>
    </message>
    <message>
        <source>无法读取“%1”（%2），请稍后重试。</source>
        <translation>“%1” could not be read (%2). Please try again later.</translation>
    </message>
    <message>
        <source>无法读取或复制“%1”（%2），请确认文件没有被其他程序占用、磁盘未满。</source>
        <translation>“%1” could not be read or copied (%2). Check that no other program is using it and the disk is not full.</translation>
    </message>
    <message>
        <source>无法读取这个 Excel 文件（%1），请确认是 .xlsx 格式且未损坏。</source>
        <translation>This Excel file cannot be read (%1). Check that it is an undamaged .xlsx file.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>最多%1位小数，现在是“%2”</source>
        <translation>at most %1 decimal places; it is “%2”</translation>
    </message>
    <message>
        <source>最多50个字符，请只保留一个常用号码。</source>
        <translation>At most 50 characters; keep just one number.</translation>
    </message>
    <message>
        <source>最多保留两位小数（精确到分）。</source>
        <translation>At most two decimal places (to the fen).</translation>
    </message>
    <message>
        <source>最多填写%1个字符，请只保留常用号码。</source>
        <translation>At most %1 characters; keep only the numbers in use.</translation>
    </message>
    <message>
        <source>有%1个字符，最多%2个，请删减较长的文字</source>
        <translation>has %1 characters, at most %2; shorten the longer texts</translation>
    </message>
    <message>
        <source>有%1个字符，最多%2个，请缩短</source>
        <translation>has %1 characters, at most %2; please shorten it</translation>
    </message>
    <message>
        <source>有政策已不在政策库中（可能已被删除），请重新选择。</source>
        <translation>A policy is no longer in the library (perhaps deleted). Please choose again.</translation>
    </message>
    <message>
        <source>有效期至（expires_on）不能早于发布日期（%1），请改正；长期有效请留空。</source>
        <translation>Valid until (expires_on) cannot be before the issue date (%1). Correct it; leave it empty if it does not expire.</translation>
    </message>
    <message>
        <source>有色金属冶炼和压延加工业</source>
        <translation>Non-ferrous metal smelting</translation>
    </message>
    <message>
        <source>有色金属矿采选业</source>
        <translation>Non-ferrous metal mining</translation>
    </message>
    <message>
        <source>服务人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>服务器要求更新的客户端版本，请升级服务站工作台。</source>
        <translation>The server needs a newer version of Station Desk. Please upgrade.</translation>
    </message>
    <message>
        <source>服务工作总结</source>
        <translation>work summary</translation>
    </message>
    <message>
        <source>服务工作计划</source>
        <translation>work plan</translation>
    </message>
    <message>
        <source>服务总站</source>
        <translation>HQ</translation>
    </message>
    <message>
        <source>服务总站只能修改报告的状态和审核意见。</source>
        <translation>HQ can only change a report&apos;s status and review comment.</translation>
    </message>
    <message>
        <source>服务总站同步服务出错（HTTP %1），请稍后再试或联系服务总站。</source>
        <translation>HQ&apos;s sync service failed (HTTP %1). Try again later or contact HQ.</translation>
    </message>
    <message>
        <source>服务总站同步服务的回复无法识别，请稍后再试或联系服务总站。</source>
        <translation>HQ&apos;s sync service sent a reply that cannot be read. Try again later or contact HQ.</translation>
    </message>
    <message>
        <source>服务总站同步服务返回的进度没有前进，已停止以免重复下载。请联系服务总站。</source>
        <translation>HQ&apos;s sync service did not move forward; stopped to avoid downloading the same data again. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站工作人员</source>
        <translation>HQ staff</translation>
    </message>
    <message>
        <source>服务总站拒绝了同步请求（HTTP %1）：%2</source>
        <translation>HQ refused the sync request (HTTP %1): %2</translation>
    </message>
    <message>
        <source>服务总站拒绝了本站的同步令牌（已被吊销、过期或无效），请联系服务总站后重新登记。</source>
        <translation>HQ refused this station&apos;s sync token (revoked, expired or invalid). Contact HQ, then enrol again.</translation>
    </message>
    <message>
        <source>服务总站拒绝了请求（HTTP %1）。</source>
        <translation>HQ refused the request (HTTP %1).</translation>
    </message>
    <message>
        <source>服务总站服务出错（HTTP %1），请稍后再试或联系服务总站。</source>
        <translation>HQ&apos;s service failed (HTTP %1). Try again later or contact HQ.</translation>
    </message>
    <message>
        <source>服务总站未接收：%1</source>
        <translation>not accepted by the general station: %1</translation>
    </message>
    <message>
        <source>服务总站档案“%1”不完整（缺少服务器网址或用户名）。请向服务总站管理员索取新的登记码，重新登记：%2</source>
        <translation>HQ profile “%1” is incomplete (no server address or user name). Ask the HQ administrator for a new enrolment code and enrol again: %2</translation>
    </message>
    <message>
        <source>服务总站没有这个文件（可能还没有从服务站传上来）。</source>
        <translation>HQ does not have this file (the station may not have uploaded it yet).</translation>
    </message>
    <message>
        <source>服务总站的回复太大，已停止接收。请缩小查询范围或联系服务总站。</source>
        <translation>HQ&apos;s reply was too large and was cut off. Narrow the query or contact HQ.</translation>
    </message>
    <message>
        <source>服务总站的回复无法识别，请稍后再试或联系服务总站。</source>
        <translation>HQ&apos;s reply cannot be read. Try again later or contact HQ.</translation>
    </message>
    <message>
        <source>服务总站的服务器不认识数据表“%1”，这条记录没有同步。请联系服务总站升级服务。</source>
        <translation>HQ&apos;s server does not know the table &quot;%1&quot;, so this record was not synced. Ask HQ to upgrade the server.</translation>
    </message>
    <message>
        <source>服务总站的登记回复不完整，请联系服务总站。</source>
        <translation>HQ&apos;s enrolment reply is incomplete. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站网址 %1 使用不加密的 http://，同步令牌和本站数据会以明文在网络上传输。请改用 https:// 网址；只有在受控的测试网络中，才可在登记时加 --insecure-http 强制使用 http://。</source>
        <translation>HQ&apos;s address %1 uses unencrypted http://, so the sync token and the station&apos;s data would cross the network in clear text. Use an https:// address; only on a controlled test network may you enrol with --insecure-http to force http://.</translation>
    </message>
    <message>
        <source>服务总站返回的%1格式不对，请升级工作台或联系服务总站。</source>
        <translation>The %1 HQ sent back is not in the expected format. Upgrade Station Desk or contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的%1格式不对，请联系服务总站。</source>
        <translation>HQ returned malformed %1. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的不是 Excel 文件，请稍后再试或联系服务总站。</source>
        <translation>HQ did not return an Excel file. Try again later or contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的报送列表格式不对，请联系服务总站。</source>
        <translation>HQ returned a malformed list of submissions. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的操作日志格式不对，请联系服务总站。</source>
        <translation>HQ returned a malformed audit log. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的政策列表格式不对，请联系服务总站。</source>
        <translation>HQ returned a malformed list of policies. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的疑似重复企业格式不对，请联系服务总站。</source>
        <translation>HQ returned a malformed list of possible duplicates. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的督促名单格式不对，请联系服务总站。</source>
        <translation>HQ returned a malformed reminder list. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的站点网络数据格式不对，请联系服务总站。</source>
        <translation>HQ returned malformed station network data. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的资源库列表格式不对，请联系服务总站。</source>
        <translation>HQ returned a malformed library list. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的资源库数据格式不对，请联系服务总站。</source>
        <translation>HQ returned malformed library data. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的资源库数据缺少内容，请联系服务总站。</source>
        <translation>HQ returned library data with parts missing. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务总站返回的选项表格式不对，请联系服务总站。</source>
        <translation>HQ returned a malformed pick list. Please contact HQ.</translation>
    </message>
    <message>
        <source>服务方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>服务日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>服务时长为0</source>
        <translation>Service time is 0</translation>
    </message>
    <message>
        <source>服务时长（分钟）</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <source>服务机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>服务清单项目</source>
        <translation>Catalogue item</translation>
    </message>
    <message>
        <source>服务站 %1 已存在。需要重新登记请用 reissue-code。</source>
        <translation>Station %1 already exists. To enrol it again, use reissue-code.</translation>
    </message>
    <message>
        <source>服务站代码：请填写2–32位字母、数字或短横线，例如“GZ-TH-001”。</source>
        <translation>Station code: enter 2–32 letters, digits or hyphens, e.g. “GZ-TH-001”.</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>服务站名称不能为空。</source>
        <translation>The station name cannot be empty.</translation>
    </message>
    <message>
        <source>服务站名称：不能为空，请填写授牌名称。</source>
        <translation>Station name: required. Enter the name on the official plaque.</translation>
    </message>
    <message>
        <source>服务站名称：不能超过200个字。</source>
        <translation>Station name: at most 200 characters.</translation>
    </message>
    <message>
        <source>服务站编号只能包含字母、数字、“-”和“_”，最长 32 位。</source>
        <translation>A station code may contain only letters, digits, &quot;-&quot; and &quot;_&quot;, at most 32 characters.</translation>
    </message>
    <message>
        <source>服务站编号最长 32 位，请从站点网络列表中选择。</source>
        <translation>A station code has at most 32 characters. Choose the station from the network list.</translation>
    </message>
    <message>
        <source>服务站（station）应为服务站编码。</source>
        <translation>Station (station) must be a station code.</translation>
    </message>
    <message>
        <source>服务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>服务结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>服务项目</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>期间：“%1”格式不对，请写成“年-月”，例如“2026-10”。</source>
        <translation>Period: “%1” is not in the right form. Write year-month, e.g. “2026-10”.</translation>
    </message>
    <message>
        <source>木材加工和木、竹、藤、棕、草制品业</source>
        <translation>Wood, bamboo, rattan and straw products</translation>
    </message>
    <message>
        <source>未填写统一社会信用代码，请对照营业执照补填。</source>
        <translation>No unified social credit code. Add it from the business licence.</translation>
    </message>
    <message>
        <source>未提交</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>本机保存的文件（%1）已被改动，与提交时不一致，没有上传；请重新选择文件或重新提交。</source>
        <translation>The file saved on this computer (%1) has changed since it was submitted and was not uploaded. Choose the file again or resubmit.</translation>
    </message>
    <message>
        <source>本机找不到要上传的文件（%1），它可能被删除了；请重新选择文件或重新提交。</source>
        <translation>The file to upload (%1) is not on this computer; it may have been deleted. Choose the file again or resubmit.</translation>
    </message>
    <message>
        <source>本档案原来没有服务站信息，已采用服务总站登记的站点编码、名称和所在区；首次同步会取回服务总站保存的其余信息。</source>
        <translation>This profile had no station yet; it now uses the code, name and district HQ has on record, and the first sync fetches the rest from HQ.</translation>
    </message>
    <message>
        <source>本档案已经设置过服务站信息，不能重复设置。</source>
        <translation>This profile&apos;s station is already set up; it cannot be set up again.</translation>
    </message>
    <message>
        <source>本档案还没有设置服务站信息。请先运行“station-desk”完成首次设置向导，或用“station-desk setup --code 代码 --name 名称 --district 区 --manager 姓名”设置；也可以用“station-desk --demo”查看演示数据。</source>
        <translation>This profile has no station yet. Run “station-desk” and finish the first-run wizard, or use “station-desk setup --code CODE --name NAME --district DISTRICT --manager NAME”; “station-desk --demo” shows demo data.</translation>
    </message>
    <message>
        <source>本站信息%1</source>
        <translation>station details: %1</translation>
    </message>
    <message>
        <source>本站信息刚被修改过（可能是同步更新），请关闭后重新打开再改。</source>
        <translation>The station&apos;s details were just changed (perhaps by a sync). Close and reopen, then edit again.</translation>
    </message>
    <message>
        <source>本站备注</source>
        <translation>Station notes</translation>
    </message>
    <message>
        <source>本站太久没有同步，服务总站已清理旧的删除记录，需要重新下载全部数据。</source>
        <translation>This station has not synced for too long and HQ has cleared its old deletion records: all data must be downloaded again.</translation>
    </message>
    <message>
        <source>本站已有 %1 个未传完的文件，请先完成这些上传（再次同步即可继续）。</source>
        <translation>This station already has %1 unfinished file uploads. Finish them first (sync again to continue).</translation>
    </message>
    <message>
        <source>本站已有人员，请到“人员”页面添加或修改。</source>
        <translation>The station already has staff. Add or change them on the Staff page.</translation>
    </message>
    <message>
        <source>本站已登记到服务总站同步，%1列表由服务总站统一发布，不能在本站修改。如需增加或调整，请联系服务总站。</source>
        <translation>This station syncs with HQ; the %1 list is published by HQ and cannot be changed here. Contact HQ to add or change items.</translation>
    </message>
    <message>
        <source>本站没有名为“%1”的人员，请核对姓名。</source>
        <translation>The station has no staff member named “%1”. Please check the name.</translation>
    </message>
    <message>
        <source>机动车、电子产品和日用产品修理业</source>
        <translation>Repair of vehicles, electronics and household goods</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>机构已退出时必须写明退出原因（例如满意度不达标、合同到期）。</source>
        <translation>When an institution has left, give the reason (e.g. low satisfaction, contract ended).</translation>
    </message>
    <message>
        <source>机构已退出时请填写退出日期。</source>
        <translation>When an institution has left, enter the leaving date.</translation>
    </message>
    <message>
        <source>林业</source>
        <translation>Forestry</translation>
    </message>
    <message>
        <source>查询文字（%1）应为不超过100个字的文字（不含特殊字符）。</source>
        <translation>Search text (%1) must be text of at most 100 characters (no special characters).</translation>
    </message>
    <message>
        <source>标识牌缺少%1，打印件上不会有这些项。请先在“本站信息”中填写，再打印。</source>
        <translation>The sign has no %1, so these will not be printed. Fill them in under “Station details” first, then print.</translation>
    </message>
    <message>
        <source>格式不对</source>
        <translation>is not in the right format</translation>
    </message>
    <message>
        <source>橡胶和塑料制品业</source>
        <translation>Rubber and plastics</translation>
    </message>
    <message>
        <source>此前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>每页条数（limit）应为1到%1之间的整数。</source>
        <translation>Rows per page (limit) must be a whole number from 1 to %1.</translation>
    </message>
    <message>
        <source>水上运输业</source>
        <translation>Water transport</translation>
    </message>
    <message>
        <source>水利管理业</source>
        <translation>Water management</translation>
    </message>
    <message>
        <source>水的生产和供应业</source>
        <translation>Water supply</translation>
    </message>
    <message>
        <source>汽车制造业</source>
        <translation>Motor vehicles</translation>
    </message>
    <message>
        <source>没有名为 %1 的服务总站用户（users 可列出全部用户）。</source>
        <translation>There is no HQ user named %1 (users lists them all).</translation>
    </message>
    <message>
        <source>没有名为“%1”的选项列表。</source>
        <translation>There is no pick list named “%1”.</translation>
    </message>
    <message>
        <source>没有地址、联系电话或联系人，二维码不会印出。</source>
        <translation>With no address, phone or contact person, no QR code is printed.</translation>
    </message>
    <message>
        <source>没有对应“%1”的列，请在列对应表中选择。</source>
        <translation>No column is matched to “%1”. Choose one in the column mapping.</translation>
    </message>
    <message>
        <source>没有统一社会信用代码为 %1 的企业，请核对或先在企业库中新建。</source>
        <translation>No enterprise has the unified social credit code %1. Check it, or add the enterprise first.</translation>
    </message>
    <message>
        <source>没有编号为 %1 的服务站。</source>
        <translation>There is no station with code %1.</translation>
    </message>
    <message>
        <source>没有编号为“%1”的服务站，请从站点网络列表中选择。</source>
        <translation>There is no station with code “%1”. Choose one from the station network list.</translation>
    </message>
    <message>
        <source>没有编码为“%1”的服务站，请从列表中选择。</source>
        <translation>There is no station with code &quot;%1&quot;. Choose one from the list.</translation>
    </message>
    <message>
        <source>没有这个上传（可能已完成、已被清理或不属于本站），请重新同步以重新开始上传。</source>
        <translation>This upload does not exist (it may be finished, cleaned up or not this station&apos;s). Sync again to restart the upload.</translation>
    </message>
    <message>
        <source>没有这个接口，请检查服务器地址或升级客户端。</source>
        <translation>There is no such endpoint. Check the server address or upgrade Station Desk.</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>活动“%1”定于 %2 举行，尚未举行：活动总结只列出报名情况，请在活动结束后重新生成。</source>
        <translation>Event “%1” is planned for %2 and has not been held yet: the summary lists registrations only. Make it again after the event.</translation>
    </message>
    <message>
        <source>活动不能超过31天；主题月请拆成多场活动分别登记。</source>
        <translation>An event cannot last more than 31 days; record a theme month as several events.</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>Event themes</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>活动总结</source>
        <translation>Event summary</translation>
    </message>
    <message>
        <source>活动简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Event type</translation>
    </message>
    <message>
        <source>流程已结束，不能再变更。</source>
        <translation>The process is finished; it cannot change any more.</translation>
    </message>
    <message>
        <source>渔业</source>
        <translation>Fishery</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>烟草制品业</source>
        <translation>Tobacco</translation>
    </message>
    <message>
        <source>煤炭开采和洗选业</source>
        <translation>Coal mining</translation>
    </message>
    <message>
        <source>燃气生产和供应业</source>
        <translation>Gas supply</translation>
    </message>
    <message>
        <source>物业管理</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状态“%1”无效，可选：%2。</source>
        <translation>Status &quot;%1&quot; is not valid; choices: %2.</translation>
    </message>
    <message>
        <source>状态：“%1”不是可选的状态，请从%2中选择。</source>
        <translation>Status: &quot;%1&quot; is not one of the statuses; choose from %2.</translation>
    </message>
    <message>
        <source>现场未报名人数</source>
        <translation>Walk-in guests</translation>
    </message>
    <message>
        <source>生态保护和环境治理业</source>
        <translation>Ecology and environment</translation>
    </message>
    <message>
        <source>用户 %1 已存在。需要重新登记请用 reissue-user-code。</source>
        <translation>User %1 already exists. To enrol again, use reissue-user-code.</translation>
    </message>
    <message>
        <source>用户名不能为空，请填写使用者的姓名或账号名。</source>
        <translation>The user name cannot be empty. Enter the user&apos;s name or account name.</translation>
    </message>
    <message>
        <source>用户名不能含 %1 这些符号，也不能只是 . 或 ..，请改一下。</source>
        <translation>A user name cannot contain the symbols %1, nor be just . or .. — please change it.</translation>
    </message>
    <message>
        <source>用户名最长 %1 个字，且不能含换行或制表符，请改短。</source>
        <translation>A user name has at most %1 characters and no line breaks or tabs. Please shorten it.</translation>
    </message>
    <message>
        <source>由服务总站统一维护</source>
        <translation>are maintained by HQ</translation>
    </message>
    <message>
        <source>申请 %1 已由 %2 于 %3 %4，不能再次处理。</source>
        <translation>Request %1 was already handled by %2 on %3 (%4) and cannot be handled again.</translation>
    </message>
    <message>
        <source>申请 %1 没有记录要改成的统一社会信用代码，无法执行；请驳回。</source>
        <translation>Request %1 does not say which credit code to change to, so it cannot be done; reject it.</translation>
    </message>
    <message>
        <source>申请状态“%1”无效（可选：%2）。</source>
        <translation>Request status &quot;%1&quot; is not valid (choices: %2).</translation>
    </message>
    <message>
        <source>申请状态（status）应为%1或 all。</source>
        <translation>Request status (status) must be %1 or all.</translation>
    </message>
    <message>
        <source>电信、广播电视和卫星传输服务</source>
        <translation>Telecoms, broadcast and satellite transmission</translation>
    </message>
    <message>
        <source>电力、热力生产和供应业</source>
        <translation>Power and heat supply</translation>
    </message>
    <message>
        <source>电气机械和器材制造业</source>
        <translation>Electrical machinery</translation>
    </message>
    <message>
        <source>畜牧业</source>
        <translation>Animal husbandry</translation>
    </message>
    <message>
        <source>疑似重复企业</source>
        <translation>Possible duplicate enterprises</translation>
    </message>
    <message>
        <source>登记时指定的证书颁发机构(CA)文件不见了（%1）。请把服务总站发放的 CA 文件放回这个位置，或重新登记并用 --ca-file 指定。</source>
        <translation>The certificate authority (CA) file given at enrolment is gone (%1). Put HQ&apos;s CA file back there, or enrol again with --ca-file.</translation>
    </message>
    <message>
        <source>登记码已经被服务总站收下（每个登记码只能用一次），但本机未能保存登记：{reason}。本机没有留下任何改动。请向服务总站管理员索取新的登记码后重新登记。</source>
        <translation>HQ accepted the enrolment code (each code works once), but this computer could not save the enrolment: {reason}. Nothing was changed here. Ask the HQ administrator for a new code and enrol again.</translation>
    </message>
    <message>
        <source>登记码已经被服务总站收下（每个登记码只能用一次），但本机未能保存登记：{reason}。本档案的数据没有改动。请向服务总站索取新的登记码后重新登记。</source>
        <translation>HQ accepted the enrolment code (each code works once), but this computer could not save the enrolment: {reason}. This profile&apos;s data was not changed. Ask HQ for a new code and enrol again.</translation>
    </message>
    <message>
        <source>登记码或同步令牌错误次数过多，请 %1 秒后再试；如忘记登记码，请向服务总站索取新的登记码。</source>
        <translation>Too many wrong enrolment codes or sync tokens. Try again in %1 seconds; if you have lost the enrolment code, ask HQ for a new one.</translation>
    </message>
    <message>
        <source>登记码无效、已使用或已过期。请向服务总站索取新的登记码。</source>
        <translation>The enrolment code is invalid, used or expired. Ask HQ for a new enrolment code.</translation>
    </message>
    <message>
        <source>皮革、毛皮、羽毛及其制品和制鞋业</source>
        <translation>Leather, fur, feathers and footwear</translation>
    </message>
    <message>
        <source>石油、煤炭及其他燃料加工业</source>
        <translation>Petroleum, coal and fuel processing</translation>
    </message>
    <message>
        <source>石油和天然气开采业</source>
        <translation>Oil and gas extraction</translation>
    </message>
    <message>
        <source>研究和试验发展</source>
        <translation>Research and development</translation>
    </message>
    <message>
        <source>社会保障</source>
        <translation>Social security</translation>
    </message>
    <message>
        <source>社会工作</source>
        <translation>Social work</translation>
    </message>
    <message>
        <source>离岗日期</source>
        <translation>Leaving date</translation>
    </message>
    <message>
        <source>科技推广和应用服务业</source>
        <translation>Technology promotion services</translation>
    </message>
    <message>
        <source>租赁业</source>
        <translation>Leasing</translation>
    </message>
    <message>
        <source>站长/负责人姓名：不能为空，首次设置需要一位负责人。</source>
        <translation>Station manager&apos;s name: required; the first setup needs a manager.</translation>
    </message>
    <message>
        <source>第%1行第%2列有内容，超出了可导入的前 %3 列。请删除表格右侧多余的内容后再导入。</source>
        <translation>Row %1, column %2 holds content beyond the first %3 columns that can be imported. Delete what is to the right of the table and import again.</translation>
    </message>
    <message>
        <source>第%1项应为一组字段</source>
        <translation>item %1 should be a set of fields</translation>
    </message>
    <message>
        <source>第%1项的“%2”应为数字或不超过%3个字符的文字</source>
        <translation>“%2” of item %1 should be a number or text of at most %3 characters</translation>
    </message>
    <message>
        <source>等</source>
        <translation> and others</translation>
    </message>
    <message>
        <source>等 %1 处</source>
        <translation> and more (%1 in all)</translation>
    </message>
    <message>
        <source>等待同步上传%1</source>
        <translation>Waiting for the sync to upload%1</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>checked in</translation>
    </message>
    <message>
        <source>签到%1家</source>
        <translation>%1 checked in</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>管道运输业</source>
        <translation>Pipeline transport</translation>
    </message>
    <message>
        <source>系统凭据存储中找不到服务总站的令牌（可能被清除了）。请向服务总站管理员索取新的登记码，重新登记：%1</source>
        <translation>HQ&apos;s token is not in the system credential store (perhaps cleared). Ask the HQ administrator for a new enrolment code and enrol again: %1</translation>
    </message>
    <message>
        <source>系统凭据存储中找不到本站的同步令牌，请重新登记（station-desk enroll --server %1 --code 新登记码）。</source>
        <translation>The station&apos;s sync token is not in the system credential store. Please enrol again (station-desk enroll --server %1 --code NEW-CODE).</translation>
    </message>
    <message>
        <source>系统没有可用的安全凭据存储（如 GNOME 密钥环或 Windows 凭据管理器），令牌只保存在本次运行的内存中，重启后需要重新登记。</source>
        <translation>The system has no secure credential store (such as GNOME Keyring or Windows Credential Manager), so the token is kept in memory for this run only; after a restart you will need to enrol again.</translation>
    </message>
    <message>
        <source>纺织业</source>
        <translation>Textiles</translation>
    </message>
    <message>
        <source>纺织服装、服饰业</source>
        <translation>Apparel</translation>
    </message>
    <message>
        <source>经营状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>结束时间</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>统一社会信用代码 %1 的校验位不符%2，保存时已确认。请对照营业执照复核。</source>
        <translation>The check character of credit code %1 does not match%2; it was confirmed when saved. Please check it against the business licence.</translation>
    </message>
    <message>
        <source>统一社会信用代码含有不允许的字符：%1（只能是数字和除 I、O、S、V、Z 以外的大写字母）。</source>
        <translation>The unified social credit code contains characters not allowed: %1 (only digits and capital letters other than I, O, S, V, Z).</translation>
    </message>
    <message>
        <source>统一社会信用代码应为18位，现在是%1位。</source>
        <translation>The unified social credit code has 18 characters; this one has %1.</translation>
    </message>
    <message>
        <source>统一社会信用代码的校验位应为“%1”，现在是“%2”。请核对；如确认无误（少数早期代码如此），可确认后保存，并将列入数据质量复核。</source>
        <translation>The check character of the unified social credit code should be “%1”, not “%2”. Please check; if it is right (a few early codes are like this), confirm and save, and it will be listed for a data-quality review.</translation>
    </message>
    <message>
        <source>统一社会信用代码：企业库里已有“%1”使用这个代码，不能重复登记。请打开该企业查看或修改。</source>
        <translation>Unified social credit code: “%1” already uses this code; it cannot be added twice. Open that enterprise to view or change it.</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>编号（%1）应为36位的记录编号（uuid），请从列表中重新选择。</source>
        <translation>Number (%1) must be a 36-character record number (uuid). Choose it from the list again.</translation>
    </message>
    <message>
        <source>缺少划型所需的%1，无法确定企业规模，请补填。</source>
        <translation>The size cannot be worked out without %1. Please fill it in.</translation>
    </message>
    <message>
        <source>缺少划型数据</source>
        <translation>Size data missing</translation>
    </message>
    <message>
        <source>缺少同步令牌，请先登记本站（station-desk enroll）。</source>
        <translation>The sync token is missing. Enrol this station first (station-desk enroll).</translation>
    </message>
    <message>
        <source>缺少或无效的上传位置（%1），请重新同步。</source>
        <translation>The upload position (%1) is missing or invalid. Please sync again.</translation>
    </message>
    <message>
        <source>缺少或无效的上传编号（%1），请重新同步。</source>
        <translation>The upload number (%1) is missing or invalid. Please sync again.</translation>
    </message>
    <message>
        <source>缺少统一社会信用代码</source>
        <translation>Credit code missing</translation>
    </message>
    <message>
        <source>群众团体、社会团体和其他成员组织</source>
        <translation>Mass and social organisations</translation>
    </message>
    <message>
        <source>翻页位置（after_name）无效，请回到第一页。</source>
        <translation>The page position (after_name) is not valid. Go back to the first page.</translation>
    </message>
    <message>
        <source>职称/职务</source>
        <translation>Title / position</translation>
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
        <source>自有房地产经营活动</source>
        <translation>Own real estate operation</translation>
    </message>
    <message>
        <source>航空运输业</source>
        <translation>Air transport</translation>
    </message>
    <message>
        <source>草稿未提交</source>
        <translation>Draft, not submitted</translation>
    </message>
    <message>
        <source>营业收入</source>
        <translation>revenue</translation>
    </message>
    <message>
        <source>营业收入（万元）</source>
        <translation>Revenue (10,000 yuan)</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>行业代码</source>
        <translation>Industry code</translation>
    </message>
    <message>
        <source>行业门类</source>
        <translation>Industry section</translation>
    </message>
    <message>
        <source>行业：%1；规模：%2；区域：%3</source>
        <translation>Industries: %1; sizes: %2; districts: %3</translation>
    </message>
    <message>
        <source>表格超过 %1 行（第%2行仍有内容），请拆分成几个文件分批导入。</source>
        <translation>The sheet has more than %1 rows (row %2 still holds content). Split it into several files and import them one by one.</translation>
    </message>
    <message>
        <source>装卸搬运和仓储业</source>
        <translation>Handling and warehousing</translation>
    </message>
    <message>
        <source>要发送的内容包含无法保存的字符或数值，请删除特殊字符后重试。</source>
        <translation>What is being sent contains characters or values that cannot be saved. Remove special characters and try again.</translation>
    </message>
    <message>
        <source>规模数据年份</source>
        <translation>Size data year</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>角色“%1”无效，可选：%2。</source>
        <translation>Role &quot;%1&quot; is not valid; choices: %2.</translation>
    </message>
    <message>
        <source>解锁人：只有本站在职的站长/负责人可以解锁已锁定的期间，请由站长操作。</source>
        <translation>Unlocked by: only the station&apos;s current manager can unlock a locked period. Ask the station manager.</translation>
    </message>
    <message>
        <source>计划活动第%1行</source>
        <translation>Planned events, row %1</translation>
    </message>
    <message>
        <source>计划活动：最多%1项，请合并或删除部分活动。</source>
        <translation>Planned events: at most %1. Merge or delete some.</translation>
    </message>
    <message>
        <source>计算机、通信和其他电子设备制造业</source>
        <translation>Computers, communications and electronics</translation>
    </message>
    <message>
        <source>记录内容不完整或格式不对：%1。</source>
        <translation>The record is incomplete or badly formed: %1.</translation>
    </message>
    <message>
        <source>设施设备</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>设置 → 锁定期限…</source>
        <translation>Settings → Lock period…</translation>
    </message>
    <message>
        <source>设置“月末后锁定天数”为“%1”，无效。请在“%2”中改为%3–%4之间的整数。</source>
        <translation>The setting “Days after month end” is “%1”, which is invalid. In “%2”, change it to a whole number from %3 to %4.</translation>
    </message>
    <message>
        <source>该企业已被其他操作修改，请刷新后再保存。</source>
        <translation>This enterprise was changed meanwhile. Refresh, then save again.</translation>
    </message>
    <message>
        <source>请从%1中选择。</source>
        <translation>Choose one of %1.</translation>
    </message>
    <message>
        <source>请从“%1”中选择。</source>
        <translation>Choose one of “%1”.</translation>
    </message>
    <message>
        <source>请从列表中选择（%1）。</source>
        <translation>Choose from the list (%1).</translation>
    </message>
    <message>
        <source>请从列表中选择（%1），不属于主题月的活动请留空。</source>
        <translation>Choose from the list (%1); leave it empty for an event outside a theme month.</translation>
    </message>
    <message>
        <source>请从广州市十一个区中选择（%1）。</source>
        <translation>Choose one of Guangzhou&apos;s eleven districts (%1).</translation>
    </message>
    <message>
        <source>请从政策列表中选择。</source>
        <translation>Choose from the policy list.</translation>
    </message>
    <message>
        <source>请先在“%1”中把重名的机构改成可区分的全称。</source>
        <translation>First give the institutions with the same name distinct full names in “%1”.</translation>
    </message>
    <message>
        <source>请写成 2024-03-05 这样的日期。</source>
        <translation>Write a date like 2024-03-05.</translation>
    </message>
    <message>
        <source>请写明处理人（--by）。</source>
        <translation>Name who handles it (--by).</translation>
    </message>
    <message>
        <source>请只填写数字（单位：万元），如 1234.5 或 12.5万</source>
        <translation>Enter a number only (in 10,000 yuan), e.g. 1234.5</translation>
    </message>
    <message>
        <source>请填写 1949–%1 之间的年份，如 %2。</source>
        <translation>Enter a year from 1949 to %1, e.g. %2.</translation>
    </message>
    <message>
        <source>请填写0–%1之间的整数分钟数。</source>
        <translation>Enter whole minutes from 0 to %1.</translation>
    </message>
    <message>
        <source>请填写0–%1之间的金额。</source>
        <translation>Enter an amount from 0 to %1.</translation>
    </message>
    <message>
        <source>请填写0到%1之间的整数（没有就填0）。</source>
        <translation>Enter a whole number from 0 to %1 (0 if none).</translation>
    </message>
    <message>
        <source>请填写1–5分（5分最满意），未评价请留空。</source>
        <translation>Enter 1–5 (5 is best); leave empty if not rated.</translation>
    </message>
    <message>
        <source>请填写1到5之间的分数（5分最满意），未调查请留空。</source>
        <translation>Enter a score from 1 to 5 (5 is best); leave empty if not surveyed.</translation>
    </message>
    <message>
        <source>请填写“姓名（单位）”区分。</source>
        <translation>Write “name (organisation)” to tell them apart.</translation>
    </message>
    <message>
        <source>请填写数字金额，例如“200”或“199.50”。</source>
        <translation>Enter an amount in figures, e.g. “200” or “199.50”.</translation>
    </message>
    <message>
        <source>请填写数字，例如 1234 或 1,234.5</source>
        <translation>Enter a number, e.g. 1234 or 1,234.5</translation>
    </message>
    <message>
        <source>请填写文字。</source>
        <translation>Enter text.</translation>
    </message>
    <message>
        <source>请填写日期。</source>
        <translation>Enter a date.</translation>
    </message>
    <message>
        <source>请填写日期和时间，例如“2026-07-01 14:30”。</source>
        <translation>Enter a date and time, e.g. “2026-07-01 14:30”.</translation>
    </message>
    <message>
        <source>请填写日期，例如“2026-11-05”。</source>
        <translation>Enter a date, e.g. “2026-11-05”.</translation>
    </message>
    <message>
        <source>请填写日期，例如“2026-11-05”，不知道可留空。</source>
        <translation>Enter a date, e.g. “2026-11-05”; leave it empty if unknown.</translation>
    </message>
    <message>
        <source>请对照营业执照核对；暂时不知道可以留空。</source>
        <translation> Check it against the business licence; leave it empty if you do not know it yet.</translation>
    </message>
    <message>
        <source>请按 2026-Q3 或 2026-09 的格式填写报送期间</source>
        <translation>Write the period as 2026-Q3 or 2026-09</translation>
    </message>
    <message>
        <source>请按“2026-07-01”的格式填写日期，或留空。</source>
        <translation>Write the date as “2026-07-01”, or leave it empty.</translation>
    </message>
    <message>
        <source>请求使用了不支持的压缩方式，请使用 zstd 或不压缩。</source>
        <translation>The request uses an unsupported compression. Use zstd or no compression.</translation>
    </message>
    <message>
        <source>请求内容不符合同步协议。</source>
        <translation>The request does not follow the sync protocol.</translation>
    </message>
    <message>
        <source>请求内容不符合同步协议（%1）。</source>
        <translation>The request does not follow the sync protocol (%1).</translation>
    </message>
    <message>
        <source>请求内容不符合同步协议：应为 JSON 对象。</source>
        <translation>The request does not follow the sync protocol: it should be a JSON object.</translation>
    </message>
    <message>
        <source>请求内容应为一组字段（JSON 对象），如 {&quot;name&quot;: &quot;…&quot;}。</source>
        <translation>The request should be a set of fields (a JSON object), such as {&quot;name&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>请求内容有误：%1%2。请改正后再试。</source>
        <translation>The request has errors: %1%2. Please correct them and try again.</translation>
    </message>
    <message>
        <source>请求数据不是有效的 JSON。</source>
        <translation>The request data is not valid JSON.</translation>
    </message>
    <message>
        <source>请求数据太大（超过 %1），请分批上传或升级服务站工作台。</source>
        <translation>The request is too large (over %1). Upload in smaller batches or upgrade Station Desk.</translation>
    </message>
    <message>
        <source>请求数据无法解压（不是有效的 zstd 数据，或压缩参数超出服务总站允许的范围）。</source>
        <translation>The request cannot be decompressed (it is not valid zstd data, or its compression settings exceed what HQ allows).</translation>
    </message>
    <message>
        <source>请求数据解压后太大（超过 %1），请分批上传或升级服务站工作台。</source>
        <translation>The request is too large once decompressed (over %1). Upload in smaller batches or upgrade Station Desk.</translation>
    </message>
    <message>
        <source>请求无效</source>
        <translation>Invalid request</translation>
    </message>
    <message>
        <source>请求无效。</source>
        <translation>The request is not valid.</translation>
    </message>
    <message>
        <source>请求缺少 Content-Length（内容长度），服务总站不接受分块上传的请求。请升级工作台。</source>
        <translation>The request has no Content-Length, and HQ does not accept chunked requests. Please upgrade Station Desk.</translation>
    </message>
    <message>
        <source>请点“选择文件…”重新选择附件文件，或填写以 http:// 或 https:// 开头的网址。</source>
        <translation>Click “Choose file…” to choose the attachment again, or enter an address starting with http:// or https://.</translation>
    </message>
    <message>
        <source>请输入企业名称或统一社会信用代码。</source>
        <translation>Enter the enterprise&apos;s name or unified social credit code.</translation>
    </message>
    <message>
        <source>请选择%1之一。</source>
        <translation>Choose one of %1.</translation>
    </message>
    <message>
        <source>请选择接待这家企业的工作人员。</source>
        <translation>Choose the staff member who served this enterprise.</translation>
    </message>
    <message>
        <source>货币金融服务</source>
        <translation>Monetary and financial services</translation>
    </message>
    <message>
        <source>资产总额</source>
        <translation>total assets</translation>
    </message>
    <message>
        <source>资产总额（万元）</source>
        <translation>Total assets (10,000 yuan)</translation>
    </message>
    <message>
        <source>资本市场服务</source>
        <translation>Capital market services</translation>
    </message>
    <message>
        <source>起始位置（offset）应为0到%1之间的整数，请缩小查询范围。</source>
        <translation>Start position (offset) must be a whole number from 0 to %1. Narrow the search.</translation>
    </message>
    <message>
        <source>转%1</source>
        <translation>ext. %1</translation>
    </message>
    <message>
        <source>转介专家</source>
        <translation>Referred expert</translation>
    </message>
    <message>
        <source>转介服务机构</source>
        <translation>Referred institution</translation>
    </message>
    <message>
        <source>软件和信息技术服务业</source>
        <translation>Software and IT services</translation>
    </message>
    <message>
        <source>输出文件：“%1”应以 %2 结尾。</source>
        <translation>Output file: &quot;%1&quot; should end with %2.</translation>
    </message>
    <message>
        <source>输出文件：文件夹“%1”不存在，请先创建或另选位置。</source>
        <translation>Output file: the folder &quot;%1&quot; does not exist. Create it first or choose another place.</translation>
    </message>
    <message>
        <source>输出文件：请用 --out 指定 .pdf 或 .xlsx 文件（或用 --excel 指定 .xlsx 文件）。</source>
        <translation>Output file: give a .pdf or .xlsx file with --out (or an .xlsx file with --excel).</translation>
    </message>
    <message>
        <source>这个接口不支持该请求方法。</source>
        <translation>This endpoint does not support that request method.</translation>
    </message>
    <message>
        <source>这份报告%1，不能再修改或重复提交。</source>
        <translation>This report is %1; it cannot be changed or submitted again.</translation>
    </message>
    <message>
        <source>这份报告在服务总站还是草稿，没有提交过，不能上传它的提交文件。</source>
        <translation>At HQ this report is still a draft that was never submitted, so its submitted file cannot be uploaded.</translation>
    </message>
    <message>
        <source>这份报告已在别处修改（可能是另一个窗口或同步）。请重新读取最新内容后再修改。</source>
        <translation>This report was changed elsewhere (another window or a sync). Reload the latest version, then edit.</translation>
    </message>
    <message>
        <source>这份报告已被服务总站退回，请先点击“重新编辑”再修改。</source>
        <translation>HQ returned this report. Click “Edit again” first, then make changes.</translation>
    </message>
    <message>
        <source>这份报告没有第 %1 版 PDF。</source>
        <translation>This report has no PDF version %1.</translation>
    </message>
    <message>
        <source>这份报告的 PDF 还没有传到服务总站：服务站下次同步时会自动上传，请稍后再看。</source>
        <translation>This report&apos;s PDF has not reached HQ yet: the station uploads it with its next sync. Please look again later.</translation>
    </message>
    <message>
        <source>这位专家的信息刚被修改过，请关闭后重新打开再改。</source>
        <translation>This expert&apos;s details were just changed. Close and reopen, then edit again.</translation>
    </message>
    <message>
        <source>这位工作人员的信息刚被修改过，请关闭后重新打开再改。</source>
        <translation>This staff member&apos;s details were just changed. Close and reopen, then edit again.</translation>
    </message>
    <message>
        <source>这场活动刚被其他人修改过。请刷新后查看最新内容，再重新操作。</source>
        <translation>Someone else just changed this event. Refresh to see the latest, then try again.</translation>
    </message>
    <message>
        <source>这场活动属于其他服务站或服务总站，只能查看，不能修改。</source>
        <translation>This event belongs to another station or to HQ; it can be viewed, not changed.</translation>
    </message>
    <message>
        <source>这家企业由其他服务站登记或服务过，把它的统一社会信用代码改成另一家企业的代码会把它合并掉：已提交服务总站审核（申请编号 %1），服务总站决定前代码保持不变。</source>
        <translation>Another station registered or served this enterprise, and changing its credit code to another enterprise&apos;s code would merge it away: the change was sent to HQ for review (request %1), and the code stays as it is until HQ decides.</translation>
    </message>
    <message>
        <source>这家企业由其他服务站登记或服务过，本站不能直接删除：已提交服务总站审核（申请编号 %1），服务总站决定前企业保留。</source>
        <translation>Another station registered or served this enterprise, so this station cannot delete it directly: the deletion was sent to HQ for review (request %1), and the enterprise stays until HQ decides.</translation>
    </message>
    <message>
        <source>这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。</source>
        <translation>This is an old .xls file. In Excel or WPS, “Save as” .xlsx, then import that.</translation>
    </message>
    <message>
        <source>这是服务总站工作人员的登记码，不是服务站的，已经被使用，不能再用。请向服务总站管理员索取新的登记码，再用“station-desk enroll --server 网址 --code 登记码”登记：程序会为服务总站另建一个档案。</source>
        <translation>This was an HQ staff enrolment code, not a station&apos;s, and it is now used up. Ask the HQ administrator for a new code and enrol with “station-desk enroll --server ADDRESS --code CODE”: a separate HQ profile will be made.</translation>
    </message>
    <message>
        <source>这是服务总站的数据有误，请联系服务总站更正；更正后或升级本软件后会自动重试。</source>
        <translation>HQ&apos;s data is wrong here. Ask HQ to correct it; it is retried automatically after the correction or an upgrade.</translation>
    </message>
    <message>
        <source>这是服务总站的档案（服务总站模式），没有服务站的数据可同步。运行 station-desk 即打开服务总站模式；要同步服务站，请指定服务站的档案：station-desk --profile 档案名 sync。</source>
        <translation>This is an HQ profile (HQ mode); it holds no station data to sync. Running station-desk opens HQ mode; to sync a station, name its profile: station-desk --profile PROFILE sync.</translation>
    </message>
    <message>
        <source>这条“%1”记录没有同步：%2。请在本站改正后再保存。</source>
        <translation>This &quot;%1&quot; record was not synced: %2. Correct it at this station and save it again.</translation>
    </message>
    <message>
        <source>这条人员记录不属于本站，不能修改。</source>
        <translation>This staff record does not belong to this station; it cannot be changed.</translation>
    </message>
    <message>
        <source>这条信息刚被修改过，请关闭后重新打开再改。</source>
        <translation>This was just changed. Close and reopen, then edit again.</translation>
    </message>
    <message>
        <source>这条政策刚被修改过。请关闭后重新打开，查看最新内容再修改。</source>
        <translation>This policy was just changed. Close and reopen it to see the latest, then edit.</translation>
    </message>
    <message>
        <source>这条政策已于%1失效，不能再登记宣传。</source>
        <translation>This policy expired on %1; briefings can no longer be recorded.</translation>
    </message>
    <message>
        <source>这条服务需求刚被其他人处理过，现在是“%1”。请刷新后查看最新状态，再重新操作。</source>
        <translation>Someone else just handled this demand; it is now “%1”. Refresh to see the latest status, then try again.</translation>
    </message>
    <message>
        <source>这条记录属于其他服务站，本站不能修改。</source>
        <translation>This record belongs to another station; this station cannot change it.</translation>
    </message>
    <message>
        <source>这条记录标注的是其他服务站，本站不能上传。</source>
        <translation>This record is marked as another station&apos;s; this station cannot upload it.</translation>
    </message>
    <message>
        <source>这次提交的报告 PDF 已交给服务总站，不能再更改；如需修改，请在报告被退回后重新编辑并再次提交（会成为新的版本）。</source>
        <translation>The PDF of this submission has been handed to HQ and can no longer change. To change it, edit the report after it is returned and submit it again (a new version).</translation>
    </message>
    <message>
        <source>这类记录归服务站所有，服务总站不能直接修改。</source>
        <translation>This kind of record belongs to the station; HQ cannot change it directly.</translation>
    </message>
    <message>
        <source>退出原因</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <source>退出原因（exit_reason）不能为空，请写明机构退出的原因。</source>
        <translation>Exit reason (exit_reason) cannot be empty. State why the institution left.</translation>
    </message>
    <message>
        <source>退出日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>退出日期（exited_on）不能早于入驻日期（%1），请改正。</source>
        <translation>Exit date (exited_on) cannot be before the entry date (%1). Please correct it.</translation>
    </message>
    <message>
        <source>退回报告时必须填写退回意见（comment），写明需要服务站修改什么。</source>
        <translation>Returning a report needs a comment (comment) saying what the station must change.</translation>
    </message>
    <message>
        <source>退回报告时必须填写退回意见，写明需要服务站修改什么。</source>
        <translation>When returning a report, write what the station needs to change.</translation>
    </message>
    <message>
        <source>适用区域</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>适用行业</source>
        <translation>Industries</translation>
    </message>
    <message>
        <source>适用规模</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>选项表（list_name）应为%1之一。</source>
        <translation>Option list (list_name) must be one of %1.</translation>
    </message>
    <message>
        <source>通用设备制造业</source>
        <translation>General machinery</translation>
    </message>
    <message>
        <source>造纸和纸制品业</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>逾期 %1 天</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>道路运输业</source>
        <translation>Road transport</translation>
    </message>
    <message>
        <source>邮政业</source>
        <translation>Postal services</translation>
    </message>
    <message>
        <source>酒、饮料和精制茶制造业</source>
        <translation>Beverages and tea</translation>
    </message>
    <message>
        <source>重点信息报送数据</source>
        <translation>key information report data</translation>
    </message>
    <message>
        <source>金属制品、机械和设备修理业</source>
        <translation>Repair of metal products and machinery</translation>
    </message>
    <message>
        <source>金属制品业</source>
        <translation>Metal products</translation>
    </message>
    <message>
        <source>铁路、船舶、航空航天和其他运输设备制造业</source>
        <translation>Rail, ships, aerospace and other transport equipment</translation>
    </message>
    <message>
        <source>铁路运输业</source>
        <translation>Rail transport</translation>
    </message>
    <message>
        <source>锁定天数：“%1”无效，请填写%2–%3之间的整数。</source>
        <translation>Lock days: “%1” is invalid. Enter a whole number from %2 to %3.</translation>
    </message>
    <message>
        <source>错误：%1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>错误：无法写入输出文件：%1</source>
        <translation>Error: cannot write the output file: %1</translation>
    </message>
    <message>
        <source>长度 %1 个字符，超过上限 %2</source>
        <translation>%1 characters long, over the limit of %2</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>附件（attachment）应为以 http:// 或 https:// 开头的网址，没有可留空。</source>
        <translation>Attachment (attachment) must be a web address starting with http:// or https://, or left empty.</translation>
    </message>
    <message>
        <source>附件：文件“%1”不在本机（可能是从其他电脑复制来的，或已被删除、移动），请修改这条政策，重新选择附件文件。</source>
        <translation>Attachment: file “%1” is not on this computer (perhaps copied from another computer, or deleted or moved). Edit this policy and choose the attachment again.</translation>
    </message>
    <message>
        <source>零售业</source>
        <translation>Retail</translation>
    </message>
    <message>
        <source>需求描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>需求标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>需求超期未办结</source>
        <translation>Overdue demands</translation>
    </message>
    <message>
        <source>非金属矿物制品业</source>
        <translation>Non-metallic mineral products</translation>
    </message>
    <message>
        <source>非金属矿采选业</source>
        <translation>Non-metallic mining</translation>
    </message>
    <message>
        <source>食品制造业</source>
        <translation>Food manufacturing</translation>
    </message>
    <message>
        <source>餐饮业</source>
        <translation>Catering</translation>
    </message>
    <message>
        <source>黑色金属冶炼和压延加工业</source>
        <translation>Ferrous metal smelting</translation>
    </message>
    <message>
        <source>黑色金属矿采选业</source>
        <translation>Ferrous metal mining</translation>
    </message>
    <message>
        <source>（按规则应为“%1”）</source>
        <translation> (by the rule it should be “%1”)</translation>
    </message>
    <message>
        <source>（未确认，未导入）</source>
        <translation> (not confirmed, not imported)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>，%1家企业已被删除，未登记</source>
        <translation>; %1 enterprises were deleted and not recorded</translation>
    </message>
    <message>
        <source>，%1家此前已宣传过，已跳过</source>
        <translation>; %1 were briefed before and were skipped</translation>
    </message>
    <message>
        <source>，已传 %1%</source>
        <translation>, %1% sent</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>本页：%1</source>
        <translation>This page: %1</translation>
    </message>
    <message>
        <source>整个窗口</source>
        <translation>Whole window</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>SignageParameters</name>
    <message>
        <source>印二维码</source>
        <translation>Print QR code</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <source>编辑人员</source>
        <translation>Edit staff member</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>New staff member</translation>
    </message>
    <message>
        <source>手机或座机，如 020-38881380</source>
        <translation>Mobile or landline, e.g. 020-38881380</translation>
    </message>
    <message>
        <source>专职（按规范至少 2 名专职人员）</source>
        <translation>Full-time (the rules require at least 2 full-time staff)</translation>
    </message>
    <message>
        <source>例如 2026-03-01</source>
        <translation>e.g. 2026-03-01</translation>
    </message>
    <message>
        <source>在岗请留空</source>
        <translation>Leave empty while still in post</translation>
    </message>
    <message>
        <source>每行一次培训，例如：2026-03-05 政策解读专题培训</source>
        <translation>One training per line, e.g. 2026-03-05 Policy interpretation workshop</translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>专职/兼职</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>到岗日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>离岗日期</source>
        <translation>Leaving date</translation>
    </message>
    <message>
        <source>参加服务总站培训</source>
        <translation>Service HQ training attended</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>已离岗</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>未到岗</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>%1 次：%2</source>
        <translation>%1 in total, latest: %2</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>专职/兼职</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>兼职</source>
        <translation>Part-time</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>到岗日期</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>离岗日期</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>参加服务总站培训</source>
        <translation>Service HQ training</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>新增人员（Ctrl+N）</source>
        <translation>New staff member (Ctrl+N)</translation>
    </message>
    <message>
        <source>编辑（Enter）</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>本站信息…</source>
        <translation>Station details…</translation>
    </message>
    <message>
        <source>在岗人员</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>在岗专职</source>
        <translation>Full-time in post</translation>
    </message>
    <message>
        <source>已离岗</source>
        <translation>Former staff</translation>
    </message>
    <message>
        <source>全部人员</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>搜索姓名、电话或培训（Ctrl+F）</source>
        <translation>Search name, phone or training (Ctrl+F)</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>按服务站工作规范，服务站应配备至少 %1 名专职人员，目前在岗专职 %2 名。</source>
        <translation>The station work rules require at least %1 full-time staff; %2 are in post now.</translation>
    </message>
    <message>
        <source>请尽快补充专职人员，或在人员信息中更正“专职/兼职”。</source>
        <translation>Please add full-time staff soon, or correct “Employment” in the staff details.</translation>
    </message>
    <message>
        <source>共 %1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>还没有人员信息。点击“新增人员”（Ctrl+N）登记本站工作人员。</source>
        <translation>No staff yet. Click “New staff member” (Ctrl+N) to add the station&apos;s staff.</translation>
    </message>
    <message>
        <source>没有符合条件的人员。请更改上方的“显示”或搜索条件。</source>
        <translation>No staff match. Change “Show” above or the search.</translation>
    </message>
    <message>
        <source>删除“%1”的人员信息？TA 经办的服务记录和需求会保留。如果只是离职，请改为填写离岗日期。</source>
        <translation>Delete the staff record of “%1”? The service records and demands they handled are kept. If they have only left, fill in the leaving date instead.</translation>
    </message>
    <message>
        <source>删除人员</source>
        <translation>Delete staff member</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>服务站 %1（%2年度）</source>
        <translation>Station %1 (year %2)</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>服务站还没有同步人员名单。</source>
        <translation>The station has not synced its staff list yet.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>专职/兼职</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>兼职</source>
        <translation>Part-time</translation>
    </message>
    <message>
        <source>到岗日期</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>离岗日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>不在岗</source>
        <translation>Not on staff</translation>
    </message>
    <message>
        <source>按月数据</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>这一年没有数据。</source>
        <translation>No data for this year.</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <source>服务企业</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>服务记录</source>
        <translation>Service records</translation>
    </message>
    <message>
        <source>举办活动</source>
        <translation>Events held</translation>
    </message>
    <message>
        <source>参与人次</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <source>参与企业（家次）</source>
        <translation>Enterprise attendances</translation>
    </message>
    <message>
        <source>受理需求</source>
        <translation>Demands received</translation>
    </message>
    <message>
        <source>办结需求</source>
        <translation>Demands closed</translation>
    </message>
    <message>
        <source>评价数</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>这一年还没有活动。</source>
        <translation>No events this year.</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已举办</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>计划中</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>现场报名</source>
        <translation>Walk-ins</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <source>家次</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>这一年没有应报的报告。</source>
        <translation>No report falls due this year.</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>提交日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>没有涉及这个服务站的同步冲突。</source>
        <translation>No sync conflict involves this station.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>被覆盖的值</source>
        <translation>Overwritten value</translation>
    </message>
    <message>
        <source>生效的值</source>
        <translation>Value in effect</translation>
    </message>
    <message>
        <source>被覆盖方</source>
        <translation>Overwritten side</translation>
    </message>
    <message>
        <source>生效方</source>
        <translation>Winning side</translation>
    </message>
    <message>
        <source>被拒收的写入</source>
        <translation>Rejected writes</translation>
    </message>
    <message>
        <source>服务总站没有拒收过这个服务站的写入。</source>
        <translation>HQ has never refused a write from this station.</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>%1年第%2季度信息报送</source>
        <translation>Information report, Q%2 %1</translation>
    </message>
    <message>
        <source>%1年度总结</source>
        <translation>Annual summary %1</translation>
    </message>
    <message>
        <source>%1年度计划</source>
        <translation>Annual plan %1</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>读取服务站</source>
        <translation>Read the station</translation>
    </message>
    <message>
        <source>应报 %1 份，已报 %2 份，逾期 %3 份</source>
        <translation>%1 due, %2 submitted, %3 late</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>依托单位</source>
        <translation>Host organisation</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>最近同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>专职人员</source>
        <translation>Full-time staff</translation>
    </message>
    <message>
        <source>%1 名（规范要求至少 2 名）</source>
        <translation>%1 (the convention asks for at least 2)</translation>
    </message>
    <message>
        <source>挂牌日期</source>
        <translation>Sign put up on</translation>
    </message>
    <message>
        <source>未挂牌</source>
        <translation>Not hung</translation>
    </message>
    <message>
        <source>工作制度备案</source>
        <translation>Work rules filed</translation>
    </message>
    <message>
        <source>未备案</source>
        <translation>Not filed</translation>
    </message>
    <message>
        <source>本年度服务</source>
        <translation>Service this year</translation>
    </message>
    <message>
        <source>服务企业 %1 家，服务记录 %2 条，举办活动 %3 场，参与 %4 人次</source>
        <translation>%1 enterprises served, %2 service records, %3 events held, %4 attendances</translation>
    </message>
    <message>
        <source>服务需求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>未办结 %1 件，其中超期 %2 件</source>
        <translation>%1 open, %2 of them overdue</translation>
    </message>
    <message>
        <source>暂无评价</source>
        <translation>No ratings yet</translation>
    </message>
    <message>
        <source>%1年度，数据截至读取时。</source>
        <translation>Year %1, figures as of when they were read.</translation>
    </message>
</context>
<context>
    <name>StationProfileDialog</name>
    <message>
        <source>已授牌</source>
        <translation>Accredited</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>本站信息</source>
        <translation>Station details</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>例如：独立办公场地 120 平方米，含洽谈室一间</source>
        <translation>e.g. own office of 120 m², with one meeting room</translation>
    </message>
    <message>
        <source>例如：电脑 4 台、打印机、投影仪</source>
        <translation>e.g. 4 computers, a printer, a projector</translation>
    </message>
    <message>
        <source>例如 2025-09-01</source>
        <translation>e.g. 2025-09-01</translation>
    </message>
    <message>
        <source>选择照片…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>服务站名称 *</source>
        <translation>Station name *</translation>
    </message>
    <message>
        <source>依托单位</source>
        <translation>Host organisation</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>场地情况</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>设施设备</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>挂牌日期</source>
        <translation>Sign put up on</translation>
    </message>
    <message>
        <source>挂牌照片</source>
        <translation>Photo of the sign</translation>
    </message>
    <message>
        <source>工作制度备案日期</source>
        <translation>Work rules filed on</translation>
    </message>
    <message>
        <source>工作制度文件</source>
        <translation>Work rules document</translation>
    </message>
    <message>
        <source>照片和文件会复制到本档案的 files 文件夹，每个不超过 20 MB，同步时上传服务总站。</source>
        <translation>Photos and files are copied into this profile&apos;s files folder (20 MB each at most) and uploaded to the general station when syncing.</translation>
    </message>
    <message>
        <source>本站已接入服务总站：服务站名称、编码、所在区和状态以服务总站登记为准，由服务总站维护，不能在本地修改，如需更正请联系服务总站。其余信息由本站填报，同步后报送服务总站；挂牌照片和工作制度文件保存时留存在本机，同步时上传服务总站备案。</source>
        <translation>This station is connected to the general station: its name, code, district and status are as registered there and maintained there; they cannot be changed here (ask the general station to correct them). The rest is reported by this station and sent with each sync; the signage photo and the work-rules document are kept on this computer when saved and uploaded to the general station for its records when syncing.</translation>
    </message>
    <message>
        <source>由服务总站维护</source>
        <translation>Maintained by HQ</translation>
    </message>
    <message>
        <source>（未上传）</source>
        <translation>(not uploaded)</translation>
    </message>
    <message>
        <source>%1（保存后同步上传）</source>
        <translation>%1 (uploaded at the sync after saving)</translation>
    </message>
    <message>
        <source>已上传服务总站</source>
        <translation>uploaded to the general station</translation>
    </message>
    <message>
        <source>服务总站未接收：%1</source>
        <translation>not accepted by the general station: %1</translation>
    </message>
    <message>
        <source>等待同步上传，已传 %1%</source>
        <translation>waiting for the sync, %1% uploaded</translation>
    </message>
    <message>
        <source>等待同步上传</source>
        <translation>waiting for the sync to upload it</translation>
    </message>
    <message>
        <source>选择挂牌照片</source>
        <translation>Choose photo of the sign</translation>
    </message>
    <message>
        <source>图片 (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>选择工作制度文件</source>
        <translation>Choose work rules document</translation>
    </message>
    <message>
        <source>文件 (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>最近同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>新增服务站</source>
        <translation>Add station</translation>
    </message>
    <message>
        <source>还没有服务站。点“新增服务站”（Ctrl+N）登记一个服务站并生成一次性登记码。</source>
        <translation>No stations yet. Click &quot;Add station&quot; (Ctrl+N) to register a station and generate a one-time enrolment code.</translation>
    </message>
    <message>
        <source>还没有服务站。</source>
        <translation>No stations yet.</translation>
    </message>
    <message>
        <source>没有符合条件的服务站，请改一下查找内容或状态。</source>
        <translation>No station matches; change the search text or the status.</translation>
    </message>
    <message>
        <source>撤销服务站“%1（%2）”？该站的同步令牌立即失效，不能再同步；已同步的数据保留。以后可以“重新发放登记码”恢复。</source>
        <translation>Revoke station &quot;%1 (%2)&quot;? Its sync token stops working at once and it can no longer sync; the data already synced is kept. &quot;Reissue code&quot; can restore it later.</translation>
    </message>
    <message>
        <source>请把登记码交给服务站 %1。服务站首次设置时选择“登记到服务总站”，或在“同步”页点“登记到服务总站”，填写服务器网址 %2 和登记码；也可以运行：station-desk enroll --server %2 --code 登记码。</source>
        <translation>Give the code to station %1. At first setup the station chooses &quot;Enrol with HQ&quot; (or &quot;Enrol with HQ&quot; on the Sync page) and enters the server address %2 and the code; or runs: station-desk enroll --server %2 --code CODE.</translation>
    </message>
</context>
<context>
    <name>SubmissionsTab</name>
    <message>
        <source>年度服务工作总结</source>
        <translation>Annual work summary</translation>
    </message>
    <message>
        <source>年度服务工作计划</source>
        <translation>Annual work plan</translation>
    </message>
    <message>
        <source>定期信息报送</source>
        <translation>Periodic information report</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>提交时间</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>审阅意见</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>还没有服务站提交报告。服务站提交年度总结、计划或定期信息报送并同步后，会出现在这里。</source>
        <translation>No station has submitted a report yet. Annual summaries, plans and periodic information reports appear here once a station submits them and syncs.</translation>
    </message>
    <message>
        <source>没有符合条件的报告，请改一下筛选条件。</source>
        <translation>No report matches; change the filter.</translation>
    </message>
    <message>
        <source>全部报告</source>
        <translation>All reports</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>按服务站、区或期间查找（Ctrl+F）</source>
        <translation>Find by station, district or period (Ctrl+F)</translation>
    </message>
    <message>
        <source>查找报送</source>
        <translation>Find a report</translation>
    </message>
    <message>
        <source>打开 PDF (Enter)</source>
        <translation>Open PDF (Enter)</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>待上传</source>
        <translation>Not uploaded yet</translation>
    </message>
    <message>
        <source>第 %1 版</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>（新版待上传）</source>
        <translation> (newer version on its way)</translation>
    </message>
    <message>
        <source>读取报送</source>
        <translation>Reading submissions</translation>
    </message>
    <message>
        <source>共 %1 份，待审阅 %2 份</source>
        <translation>%1 reports, %2 to review</translation>
    </message>
    <message>
        <source>下载报告 PDF</source>
        <translation>Downloading the report PDF</translation>
    </message>
    <message>
        <source>打印失败，请检查打印机后重试。</source>
        <translation>Printing failed; check the printer and try again.</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>通过报告</source>
        <translation>Accept report</translation>
    </message>
    <message>
        <source>确认通过“%1”？通过后服务站不能再修改这份报告。</source>
        <translation>Accept &quot;%1&quot;? Once accepted, the station can no longer change this report.</translation>
    </message>
    <message>
        <source>退回报告</source>
        <translation>Return report</translation>
    </message>
</context>
<context>
    <name>SyncConflictsModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本站的值</source>
        <translation>This station&apos;s value</translation>
    </message>
    <message>
        <source>生效的值</source>
        <translation>Value in effect</translation>
    </message>
    <message>
        <source>生效的修改来自</source>
        <translation>Winning change from</translation>
    </message>
    <message>
        <source>本站</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>服务总站</source>
        <translation>HQ</translation>
    </message>
    <message>
        <source>其他服务站 %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>（本机没有这家企业）</source>
        <translation>(enterprise not on this computer)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>无法保存的下载</source>
        <translation>Downloads not saved</translation>
    </message>
    <message>
        <source>与服务总站同步</source>
        <translation>Sync with HQ</translation>
    </message>
    <message>
        <source>登记到服务总站…</source>
        <translation>Enrol with HQ…</translation>
    </message>
    <message>
        <source>被服务总站拒绝的更改</source>
        <translation>Rejected by HQ</translation>
    </message>
    <message>
        <source>站点编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>服务总站服务器</source>
        <translation>HQ server</translation>
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
        <source>这些更改被服务总站拒绝，已保存在本机，不会阻塞其他数据上传。</source>
        <translation>HQ rejected these changes. They are kept on this computer and do not hold up other uploads.</translation>
    </message>
    <message>
        <source>筛选：企业、字段或值 (Ctrl+F)</source>
        <translation>Filter: enterprise, field or value (Ctrl+F)</translation>
    </message>
    <message>
        <source>没有符合筛选条件的冲突。</source>
        <translation>No conflicts match the filter.</translation>
    </message>
    <message>
        <source>本站上传的更改还没有与其他站点的修改冲突过。</source>
        <translation>No change uploaded from this station has conflicted with another station&apos;s changes yet.</translation>
    </message>
    <message>
        <source>冲突按修改时间先后合并，较晚的修改生效；每个被覆盖的值也保存在服务总站的冲突记录中。以后其他站点再修改同一字段时，本站通过下载看到新值，不再列在这里。</source>
        <translation>Conflicts are merged in order of change, and the later change wins; every overwritten value is also kept in HQ&apos;s conflict log. If another station changes the same field later, this station gets the new value by download and it is no longer listed here.</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>查找冲突记录</source>
        <translation>Find a conflict</translation>
    </message>
    <message>
        <source>这是演示档案：演示数据只在本机使用，永远不会与服务总站同步。要与服务总站同步，请切换到正式档案后再登记。</source>
        <translation>This is the demo profile: demo data stays on this computer and never syncs with HQ. To sync, switch to your real profile and enrol it.</translation>
    </message>
    <message>
        <source>本档案还没有登记到服务总站。登记后，本站的企业、服务记录和需求会自动上传到服务总站，服务总站发布的政策、机构和专家也会下载到本机；断网时照常工作，联网后自动补传。

请向服务总站索取同步服务器网址和一次性登记码，然后点击“登记到服务总站…”。</source>
        <translation>This profile is not enrolled with HQ yet. Once enrolled, the station&apos;s enterprises, service records and demands upload to the city service centre automatically, and the policies, institutions and experts HQ publishes download to this computer; offline you keep working, and changes upload once you are back online.

Ask HQ for the sync server address and a one-time enrolment code, then click &quot;Enrol with HQ…&quot;.</translation>
    </message>
    <message>
        <source>警告：与服务总站的连接没有加密（http://），同步令牌和本站数据以明文在网络上传输。请向服务总站索取 https:// 网址后重新登记。</source>
        <translation>Warning: the connection to HQ is not encrypted (http://); the sync token and this station&apos;s data travel across the network in clear. Ask HQ for an https:// address and enrol again.</translation>
    </message>
    <message>
        <source>本次有 %1 个字段与其他站点的修改冲突，按时间先后合并；被覆盖的值由服务总站保存在冲突记录中。</source>
        <translation>%1 field(s) conflicted with changes from other stations and were merged by time; HQ keeps the overwritten values in its conflict log.</translation>
    </message>
    <message>
        <source>正在连接服务总站…</source>
        <translation>Connecting to HQ…</translation>
    </message>
    <message>
        <source>正在上传文件 %1</source>
        <translation>Uploading files %1</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>无法保存的下载 (%1)</source>
        <translation>Downloads not saved (%1)</translation>
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
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
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
    <name>TargetsModel</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>Target</translation>
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
    <name>UndoBar</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
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
    <name>UnsavedInput</name>
    <message>
        <source>放弃已填写的内容？</source>
        <translation>Discard what you typed?</translation>
    </message>
    <message>
        <source>“%1”里填写的内容还没有保存，关闭后将丢失。

确定关闭吗？</source>
        <translation>What you typed in “%1” is not saved and will be lost when it closes.

Close anyway?</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>最近使用</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>新增用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>还没有服务总站用户。点“新增用户”（Ctrl+N）为同事生成一次性登记码。</source>
        <translation>No HQ users yet. Click “New user” (Ctrl+N) to make a one-time enrolment code for a colleague.</translation>
    </message>
    <message>
        <source>还没有服务总站用户。</source>
        <translation>No HQ users yet.</translation>
    </message>
    <message>
        <source>没有符合条件的用户，请改一下查找内容或状态。</source>
        <translation>No user matches; change the search text or the status.</translation>
    </message>
    <message>
        <source>撤销用户“%1”（%2）？其令牌立即失效，不能再打开服务总站模式。以后可以“重新发放登记码”恢复。</source>
        <translation>Revoke user &quot;%1&quot; (%2)? Their token stops working at once and they can no longer open HQ mode. &quot;Reissue code&quot; can restore them later.</translation>
    </message>
    <message>
        <source>请把登记码交给 %1 本人。在其电脑上安装中小企业服务站工作台，首次打开时选择“登记到服务总站”，填写服务器网址 %2 和登记码；或运行：station-desk enroll --server %2 --code 登记码。程序随后以服务总站模式打开。</source>
        <translation>Give the code to %1 in person. On their computer, install Station Desk, choose &quot;Enrol with HQ&quot; when it first opens and enter the server address %2 and the code; or run: station-desk enroll --server %2 --code CODE. The program then opens in HQ mode.</translation>
    </message>
</context>
<context>
    <name>_AccountTab</name>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>市工业和信息化局</source>
        <translation>Municipal Bureau of Industry and IT</translation>
    </message>
    <message>
        <source>服务总站工作人员</source>
        <translation>HQ staff</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>查找（Ctrl+F）</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>撤销 (Del)</source>
        <translation>Revoke (Del)</translation>
    </message>
    <message>
        <source>重新发放登记码 (Ctrl+R)</source>
        <translation>Reissue code (Ctrl+R)</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>停用选中的一行</source>
        <translation>Revoke the selected row</translation>
    </message>
    <message>
        <source>重发登记码</source>
        <translation>Reissue the enrolment code</translation>
    </message>
    <message>
        <source>读取列表</source>
        <translation>Reading the list</translation>
    </message>
    <message>
        <source>共 %1 个，其中已撤销 %2 个</source>
        <translation>%1 in all, %2 of them revoked</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>为“%1”重新发放登记码？原来的令牌立即失效，需要用新登记码重新登记（已撤销的也随之恢复）。</source>
        <translation>Reissue an enrolment code for &quot;%1&quot;? The current token stops working at once and the new code must be used to enrol again (a revoked account is restored with it).</translation>
    </message>
    <message>
        <source>重新发放登记码</source>
        <translation>Reissue code</translation>
    </message>
</context>
<context>
    <name>_AddDialog</name>
    <message>
        <source>新增并生成登记码</source>
        <translation>Add and generate code</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新增未能完成：%1</source>
        <translation>Could not add: %1</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <source> 年</source>
        <translation> (year)</translation>
    </message>
</context>
</TS>
