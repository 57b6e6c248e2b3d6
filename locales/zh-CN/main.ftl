app-name = 联络通
app-tagline = 外事办公室 · 投资促进局
shell-skip-to-content = 跳到主要内容
shell-language = 语言
shell-footer = 联络通 —— 外事与投资促进事项管理系统。

nav-label = 主导航
nav-home = 首页
nav-users = 工作人员账号
nav-audit = 审计日志
nav-account = 我的账号
nav-logout = 退出登录

home-title = 概览
home-welcome = 欢迎您，{ $name }。
home-your-role = 您当前的角色：{ $role }。
home-users-text = 新建和编辑工作人员账号、重置密码、结束会话。
home-audit-text = 谁在何时改了什么：登录记录和所有管理操作。
home-account-text = 修改您的密码和界面语言。

notfound-title = 页面不存在
notfound-text = 此地址没有页面。请检查链接，或返回概览。
forbidden-title = 无权访问
forbidden-text = 您的角色无权访问此页面。如有需要，请联系系统管理员。
error-page-title = 无法显示此页面

common-loading = 正在加载……
common-save = 保存
common-saved = 已保存。

role-admin = 系统管理员
role-protocol-officer = 礼宾干部
role-liaison-officer = 联系干部
role-department-liaison = 部门联络员
role-leader = 领导

error-not-authenticated = 请先登录。
error-forbidden = 您无权执行此操作。
error-not-found = 该记录不存在（或已被删除）。
error-invalid-credentials = 电子邮箱或密码不正确。
error-too-many-attempts = 登录失败次数过多，请 15 分钟后再试。
error-busy = 系统当前请求较多，请几秒钟后重试。
error-export-running = 您的另一项导出仍在进行中，请待其下载完成后再试。
error-malformed-form = 无法读取该表单，未保存任何内容。请刷新页面后重新提交。
error-stale-version = 自您打开此页面后，他人已修改了此记录。您的修改没有保存，对方的修改也未被覆盖。请刷新页面查看最新内容，然后重新修改。
error-cannot-change-self = 此修改将导致无人能够管理系统，因此未予执行。
error-invalid = 请更正标出的字段。
error-internal = 系统出现问题，未保存任何内容。请重试；如仍有问题，请联系系统管理员。
error-communication = 无法连接到系统。请检查网络后重试。

field-required = 此项为必填项。
field-too-long = 内容过长。
field-invalid-characters = 包含不允许的字符。
field-invalid-email = 请输入有效的电子邮箱，例如 name@example.com。
field-password-too-short = 密码至少需要 { $min } 个字符。
field-password-too-common = 该密码属于最常用的密码，容易被猜中，请另选一个。
field-page-out-of-range = 列表中没有这一页。
field-password-mismatch = 两次输入的密码不一致。
field-wrong-password = 当前密码不正确。
field-email-taken = 该电子邮箱已被其他账号使用。
field-unknown-role = 请从列表中选择角色。
field-unknown-locale = 请从列表中选择语言。
field-department-required = 部门联络员必须属于某个部门。
field-unknown-department = 请从列表中选择部门。
field-unknown-country = 请从列表中选择国家或地区。

field-email = 电子邮箱
field-password = 密码
field-display-name = 姓名
field-role = 角色
field-department = 部门
field-department-none = （无）
field-department-hint = 部门联络员必填：他们只能看到本部门的协调事项。
field-language = 语言
field-current-password = 当前密码
field-new-password = 新密码
field-confirm-password = 再次输入新密码
field-initial-password = 初始密码
field-password-hint = 至少 { $min } 个字符。把几个词串成一句话作密码，更容易记住。

common-any = （全部）
common-choose = 请选择……
common-none = （无）
label-separator = ：
list-separator = 、
text-with-aside = { $text }（{ $aside }）
common-yes = 是
common-no = 否
common-pages = 分页
common-previous = 上一页
common-next = 下一页
common-export-csv = 导出 CSV（Excel）

field-credit-code-format = 统一社会信用代码为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z）。
field-credit-code-check = 该统一社会信用代码无效：校验码不符。请对照营业执照核对。
field-credit-code-taken = 已有其他企业使用该统一社会信用代码登记。
field-unknown-industry-chain = 请从列表中选择产业链。
field-invalid-number = 请输入整数，例如 120。
field-invalid-amount = 请输入美元金额，例如 9,200,000 或 1250.50。
field-more-than-employees = 外籍员工人数不能多于员工总数。
field-unknown-lifecycle = 请从列表中选择阶段。
field-unknown-officer = 请从列表中选择联系干部。
field-handover-note-required = 请为新的联系干部填写交接说明。
field-unknown-contact-kind = 请选择走访、电话或会议。
field-invalid-date = 请输入日期，例如 2026-11-25。
field-date-in-future = 不能登记未来日期的联系记录。
nav-outbox = 发件箱
home-outbox-text = 联络通发出的每封邮件、投递情况，以及需要重新发送的邮件。
