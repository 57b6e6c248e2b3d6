login-title = 登录
login-intro = 外事办公室、投资促进局及各协作部门的工作人员在此登录。
login-submit = 登录
login-show-password = 显示
login-hide-password = 隐藏
login-session-ended = 您的会话已结束，请重新登录。

account-title = 我的账号
account-language = 语言
account-language-hint = 系统将在您的所有设备上使用此语言。
account-change-password = 修改密码
account-digest = 每日邮件
account-digest-label = 每个工作日早上向我发送在办事项摘要，超期和即将到期的事项排在前面。
