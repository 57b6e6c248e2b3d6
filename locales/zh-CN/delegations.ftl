nav-delegations = 团组
common-remove = 移除
common-actions = 操作

delegations-title = 团组
delegations-new = 新建团组
delegations-create = 登记团组
delegations-none = 没有符合筛选条件的团组。
delegation-edit = 修改团组信息
delegation-members = 团组成员
delegation-print-programme = 打印日程表
delegation-download-ics = 下载日历（.ics）
delegation-change-status = 变更状态
delegation-new-status = 新状态
delegation-reason = 理由
delegation-reason-hint = 取消团组，或在资源重复预订的情况下确认日程时必须填写。
delegation-confirmed-over-clashes = 已在资源重复预订的情况下确认：
delegation-clashes = { $count ->
    [one] 有 1 处资源重复预订
   *[other] 有 { $count } 处资源重复预订
}
delegation-language-gaps = 成员使用的语言没有预订翻译：
delegation-language-gap = { $language } — { $item }

delegation-field-direction = 类别
delegation-field-status = 状态
delegation-field-year = 年份
delegation-field-title = 团组名称
delegation-field-organisation = 派出单位
delegation-field-countries = 国家（地区）
delegation-field-countries-hint = 按住 Ctrl（Mac 上为 ⌘）可多选。
delegation-field-language = 日程表语言
delegation-field-language-hint = 打印的日程表以中文和此语言对照排列。
delegation-field-starts-on = 开始日期
delegation-field-ends-on = 结束日期
delegation-field-dates = 日期
delegation-field-purpose = 来访（出访）目的
delegation-field-officer = 礼宾干部

delegation-direction-incoming = 来访团组
delegation-direction-outgoing = 出访团组
delegation-status-draft = 草稿
delegation-status-approved = 已批准
delegation-status-confirmed = 已确认
delegation-status-in-progress = 进行中
delegation-status-completed = 已完成
delegation-status-cancelled = 已取消

activity-meeting = 会见会谈
activity-banquet = 宴请
activity-site-visit = 参观考察
activity-signing = 签约仪式
activity-transfer = 转场
activity-free-time = 自由活动

itinerary-title = 日程
itinerary-none = 日程尚无安排。
itinerary-add = 添加日程
itinerary-add-button = 添加
itinerary-clash-refused = 未保存：以下资源在该时段已被预订。请另选资源、调整时间，或确认仍要预订。
itinerary-book-anyway = 我已知悉重复预订，仍要预订
itinerary-booked-over-clashes = { $count ->
    [one] 已保存该日程，存在 1 处重复预订。
   *[other] 已保存该日程，存在 { $count } 处重复预订。
}

item-field-day = 日期
item-field-starts = 开始时间
item-field-ends = 结束时间
item-field-time = 时间
item-field-activity = 活动类型
item-field-title = 活动
item-field-title-zh = 中文名称
item-field-title-foreign = 外文名称（{ $language }）
item-field-venue = 地点
item-field-resources = 翻译、出席领导和车辆
item-field-participants = 参加人员
item-field-notes = 备注（内部）

member-add = 添加成员
member-field-passport-name = 护照姓名
member-field-chinese-name = 中文姓名
member-field-title = 职务
member-field-organisation = 单位
member-field-language = 语言
member-field-dietary = 饮食禁忌
member-field-passport-number = 护照号码

resources-title = 场地、车辆、翻译和出席领导
resources-none = 尚无资源。
resources-add = 添加资源
resource-field-kind = 类别
resource-field-name = 名称
resource-field-languages = 语种
resource-field-languages-hint = 翻译：与中文互译的语种。
resource-field-details = 说明
resource-kind-venue = 场地
resource-kind-vehicle = 车辆
resource-kind-interpreter = 翻译
resource-kind-official = 出席领导

programme-title = 日程安排
programme-dates = { $from }至{ $to }
programme-time = 时间
programme-column = 日程
programme-venue = 地点：
programme-hosts = 出席领导：
programme-interpreters = 翻译：
programme-participants = 参加人员：
programme-members = 团组成员
programme-empty = 日程尚未安排。
programme-back = 返回团组
programme-footer = 以上均为北京时间（UTC+8）。

error-booking-clashes = 此预订与其他安排冲突。
field-unknown-direction = 请选择来访或出访。
field-ends-before-start = 结束时间必须晚于开始时间。
field-unknown-resource-kind = 请选择资源类别。
field-interpreter-needs-language = 请至少填写翻译的一个语种。
field-resource-name-taken = 该类别中已有同名资源。
field-invalid-time = 请按“时:分”填写时间，例如 09:30。
field-unknown-activity = 请选择活动类型。
field-unknown-resource = 请从列表中选择资源。
field-day-outside-visit = 日期必须在团组的日期范围内。
field-delegation-closed = 该团组已完成或已取消，日程不能再修改。
field-clashes-need-override = 存在资源重复预订：请填写理由后确认，或先解决冲突。

audit-action-personal-data-viewed = 查看个人信息
audit-action-delegation-created = 登记团组
audit-action-delegation-updated = 修改团组
audit-action-delegation-status-changed = 变更团组状态
audit-action-delegation-member-added = 添加成员
audit-action-delegation-member-removed = 移除成员
audit-action-itinerary-item-added = 添加日程
audit-action-itinerary-item-removed = 移除日程
audit-action-resource-added = 添加资源

delegations-more = 团组相关
statistics-title = 团组统计
gifts-register-title = 礼品登记簿
rules-title = 出访规定
rules-hint = 超出以下限额的出访团组，须由领导在书面说明理由后方可批准。
rules-max-days = 在外天数上限（含开始和结束当天）
rules-max-countries = 出访国家（地区）数上限
rules-max-members = 团组人数上限
rule-breaches = 该出访团组超出本办规定，领导须在书面说明理由后方可批准：
rule-breach-days = 在外 { $planned } 天，规定不超过 { $limit } 天。
rule-breach-countries = 出访 { $planned } 个国家（地区），规定不超过 { $limit } 个。
rule-breach-members = 团组 { $planned } 人，规定不超过 { $limit } 人。

gifts-title = 礼品
gifts-none = 尚无礼品登记。
gifts-add = 登记礼品
gift-direction-given = 赠送
gift-direction-received = 受赠
gift-field-direction = 赠送或受赠
gift-field-given-on = 日期
gift-field-description = 礼品
gift-field-value = 估值（元）
gift-field-giver = 赠送人
gift-field-receiver = 受赠人
gift-field-disposition = 处置情况
gift-field-disposition-hint = 例如：已上交办公室统一保管、陈列于接待厅。

outcomes-title = 成果
outcomes-add = 登记成果
outcome-kind-agreement = 签署协议
outcome-kind-lead = 招商线索
outcome-kind-other = 其他成果
outcome-field-kind = 类别
outcome-field-description = 内容
outcome-field-credit-code = 相关企业（统一社会信用代码）
outcome-field-credit-code-hint = 选填：已登记企业的统一社会信用代码。

statistics-incoming = 接待来访团组 { $delegations } 批 { $people } 人次
statistics-outgoing = 派出出访团组 { $delegations } 批 { $people } 人次
statistics-hint = 已取消的团组不计入。团组按开始日期所在月份统计；来自多个国家的团组在每个国家各计一次。
statistics-by-month = 按月份
statistics-by-country = 按国家（地区）
statistics-month = 月份
statistics-delegations = 批次
statistics-people = 人次
statistics-month-name = { $month }月

field-unknown-gift-direction = 请选择赠送或受赠。
field-unknown-outcome-kind = 请选择成果类别。
field-outcome-too-early = 团组进行中或已完成后方可登记成果。
field-mission-rules-breached = 该出访团组超出本办规定：请填写理由后批准。
field-limit-out-of-range = 请填写大于零的整数（天数不超过 365，国家不超过 50，人数不超过 200）。
field-invalid-yuan-amount = 请填写以元为单位的金额，例如 1,200 或 350.50。
audit-action-delegation-gift-registered = 登记礼品
audit-action-delegation-outcome-recorded = 登记成果
audit-action-mission-rules-changed = 修改出访规定

agenda-title = 日程日历
agenda-view = 显示
agenda-month = 月视图
agenda-week = 周视图
agenda-date = 日期
agenda-resource = 资源
agenda-delegation = 团组
agenda-previous = ← 上一页
agenda-next = 下一页 →
agenda-month-of = { $year }年{ $month }月

resource-field-email = 电子邮箱（接收日程）
resource-field-email-hint = 出席领导、翻译或驾驶员通过此邮箱接收本人参与的日程。
resource-field-language = 接收语言
resource-field-user = 对应账号
resource-field-user-hint = 选填：该资源的预订将显示在此人的个人日历订阅中。
programme-send-title = 发送日程
programme-send-hint = 每位留有邮箱的出席领导、翻译和驾驶员将收到本人参与的日程（以其语言），并附日历文件。
programme-send = 向相关人员发送日程
programme-sent = 日程已发往 { $count } 人。
field-programme-not-ready = 团组批准后、完成前方可发送日程。
field-nobody-to-send-to = 日程中预订的出席领导、翻译和驾驶员均未留电子邮箱。
feed-title = 我的日历订阅
feed-hint = 供您的日历（Outlook、苹果日历、谷歌日历）订阅的私人地址，显示您参与的团组日程。任何知道此地址的人都能读取；如有泄露请更换。
feed-create = 生成我的日历地址
feed-replace = 更换我的日历地址
feed-end = 停止日历订阅
feed-created = 您的日历地址仅此一次显示，请复制到日历中。原有地址（如有）已失效。
feed-name = 联络通：我的团组日程
mail-programme-subject = 日程安排：{ $delegation }
mail-programme-intro = 您参与{ $delegation }日程中的以下活动（北京时间）：
mail-programme-calendar = 附件中的日历文件可将这些活动加入您的日历。
audit-action-delegation-programme-sent = 发送日程

itinerary-edit = 修改日程
itinerary-edit-cancel = 取消
common-edit = 修改
audit-action-itinerary-item-updated = 修改日程

resource-retire = 停用
audit-action-resource-retired = 停用资源

home-delegations-text = 来访和出访团组及其日程、预订和礼品。

outcome-became-project = 已转为项目
outcome-register-project = 登记为招商项目
outcome-open-lead = 作为线索跟进
