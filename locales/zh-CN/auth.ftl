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
account-digest-label = 每个工作日早上向我发送在办诉求摘要，超期和即将到期的诉求排在前面。

two-step-title = 两步验证登录
two-step-code-intro = 请输入身份验证器应用为联络通显示的六位数字验证码，或一个备用恢复码。
field-one-time-code = 验证码
two-step-verify = 继续
two-step-password-title = 设置您自己的密码
two-step-password-intro = 您的密码由管理员设置。继续之前，请设置一个只有您本人知道的密码。
two-step-enrol-title = 启用两步验证登录
two-step-enrol-required = 您的角色要求每次登录时输入身份验证器应用生成的验证码。
two-step-enrol-intro = 请用身份验证器应用扫描此二维码（或在应用中输入下方密钥），然后输入应用显示的六位数字验证码。
two-step-key = 密钥
two-step-recovery-title = 您的备用恢复码
two-step-recovery-intro = 请将这些恢复码妥善保存在手机以外的地方。如丢失身份验证器应用，每个恢复码可用于登录一次。恢复码仅显示这一次。
two-step-continue = 继续
two-step-on = 两步验证登录已启用：每次登录都需要输入身份验证器应用生成的验证码。
two-step-turn-off = 停用两步验证登录
two-step-turn-off-intro = 请输入身份验证器应用生成的验证码以停用两步验证登录。
two-step-required-note = 您的角色要求使用两步验证登录，无法停用。
two-step-account-link = 两步验证登录
two-step-roles-title = 按角色要求两步验证登录
two-step-roles-intro = 勾选角色的用户每次登录都必须输入身份验证器应用生成的验证码。尚未启用的用户将在下次登录时被要求启用。
two-step-roles-save = 保存
two-step-saved = 已保存。
two-step-admins-without = { $count ->
    [one] 有 1 名管理员仅凭密码登录。
   *[other] 有 { $count } 名管理员仅凭密码登录。
}
field-wrong-code = 验证码不正确或已被使用。请检查手机时间，并输入当前显示的验证码。
field-same-password = 请设置与管理员所设密码不同的新密码。
