# 邮件：每封邮件使用收件人的语言；以及管理员查看的发件箱。

mail-greeting = { $name }，您好：
mail-greeting-anonymous = 您好：
mail-footer = 本邮件由外事办公室与投资促进局的联络通系统发送，请勿直接回复；如有问题，请联系您的联系干部。
mail-sender-name = 联络通
mail-no-due-date = 未设定日期
mail-check-status = 您可随时凭受理编号和查询码在 { $url } 查询办理进度。

mail-opened-subject = 您的诉求 { $reference } 已登记
mail-opened-intro = 您的诉求“{ $title }”已登记，受理编号为 { $reference }。联系干部将向您提供在线查询所需的查询码。
mail-opened-intro-portal = 您的诉求“{ $title }”已登记，受理编号为 { $reference }。请凭此受理编号和提交时显示的查询码在线查询办理进度。
mail-opened-expected = 预计于 { $due } 前答复。

mail-update-subject = 诉求 { $reference } 有新进展
mail-update-intro = 您的诉求 { $reference }（“{ $title }”）有新进展：
mail-update-other-language = 本条进展暂无中文版本，以下为{ $language }版本。

mail-status-subject = 诉求 { $reference }：{ $status }
mail-status-intro = 您的诉求 { $reference }（“{ $title }”）当前状态：{ $status }。
mail-status-expected = 预计于 { $due } 前答复。
mail-status-expected-none = 答复时间尚未确定，联系干部将另行告知。
mail-status-awaiting = 需要您补充信息后才能继续办理。联系干部在下方说明了所需材料；在您答复之前，办理时限暂停计时。
mail-status-resolved = 您的诉求已办结。如有不妥，请联系您的联系干部。
mail-status-reason = 联系干部留言：

mail-assigned-subject = 新诉求 { $reference }：{ $title }
mail-assigned-body = { $enterprise } 的诉求 { $reference }（“{ $title }”，{ $type }）已分派给您，办理期限为 { $due }。
mail-assigned-body-no-due = { $enterprise } 的诉求 { $reference }（“{ $title }”，{ $type }）已分派给您，尚未设定办理期限。
mail-open-case = 打开诉求

mail-task-subject = { $department } 新协调事项：诉求 { $reference }
mail-task-body = { $enterprise } 的诉求 { $reference }（“{ $title }”）已转交 { $department }，协调事项的办理期限为 { $due }。
mail-task-body-no-due = { $enterprise } 的诉求 { $reference }（“{ $title }”）已转交 { $department }，协调事项尚未设定办理期限。
mail-task-instructions = 联系干部的说明：
mail-open-tasks = 打开本部门协调事项

outbox-title = 发件箱
outbox-hint = 联络通发出的每封邮件都经过发件箱。发送失败的邮件会按逐渐拉长的间隔自动重试；无法投递的邮件将被放弃，可在此重新发送。
outbox-state = 状态
outbox-state-all = 全部
outbox-state-pending = 待发送
outbox-state-failed = 发送失败，将重试
outbox-state-sent = 已发送
outbox-state-dead = 已放弃
outbox-recipient = 收件人
outbox-subject = 主题
outbox-attempts = 尝试次数
outbox-created = 入队时间
outbox-next-attempt = 下次尝试
outbox-last-error = 最近错误
outbox-case = 诉求
outbox-retry = 重新发送
outbox-empty = 暂无邮件。
outbox-count = 共 { $count } 封邮件
outbox-filter = 显示

mail-kind-case-opened = 诉求已登记
mail-kind-public-update = 公开进展
mail-kind-status-changed = 状态变更
mail-kind-case-assigned = 诉求分派
mail-kind-task-assigned = 协调事项分派
case-messages = 已发送邮件
case-messages-none = 本诉求暂无邮件。

mail-at-risk-subject = 即将到期：诉求 { $reference }
mail-at-risk-body = { $enterprise } 的诉求 { $reference }（“{ $title }”）将于 { $due } 到期。
mail-overdue-subject = 已超期：诉求 { $reference }
mail-overdue-body = { $enterprise } 的诉求 { $reference }（“{ $title }”）应于 { $due } 办结，目前尚未完成。
mail-task-overdue-subject = { $department } 协调事项超期：诉求 { $reference }
mail-task-overdue-body = 诉求 { $reference }（“{ $title }”）中由 { $department } 办理的协调事项应于 { $due } 完成，目前尚未完成。

mail-digest-subject = { $date } 诉求提醒：超期 { $overdue } 件，即将到期 { $at_risk } 件
mail-digest-summary = 您有 { $open } 件在办诉求，其中超期 { $overdue } 件，今天或下一个工作日到期 { $at_risk } 件。
mail-digest-overdue = 已超期：
mail-digest-at-risk = 今天或下一个工作日到期：
mail-digest-on-track = 正常办理：
mail-digest-paused = 等待申请人补充（暂停计时）：
mail-digest-no-date = 未设期限：
mail-digest-open = 打开我的诉求
mail-digest-switch-off = 您在每个工作日都会收到此摘要，可在“我的账号”页面关闭。
mail-kind-case-at-risk = 诉求即将到期
mail-kind-case-overdue = 诉求超期
mail-kind-task-overdue = 协调事项超期
mail-kind-digest = 每日摘要

mail-replied-subject = 申请人已就 { $reference } 补充材料
mail-replied-body = 诉求 { $reference }（“{ $title }”）的申请人已回复您的补充材料要求，该诉求已回到您处继续办理。
mail-interest-subject = 您对“{ $title }”的投资意向
mail-interest-intro = 感谢您关注“{ $title }”项目。您的留言已送达该项目的联系干部。
mail-interest-officer = { $officer }将尽快与您联系，解答您的问题并商定下一步安排。
mail-interest-open = 再次查看该项目
mail-portal-lead-subject = 门户网站新线索：{ $company }
mail-portal-lead-intro = { $company } 在门户网站上对“{ $title }”表达了投资意向。该线索由您跟进，请在两个工作日内回复。
mail-portal-lead-open = 打开线索
mail-kind-interest-received = 意向回执
mail-kind-portal-lead = 门户网站线索
