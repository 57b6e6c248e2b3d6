users-title = 工作人员账号
users-new = 新建账号
users-create = 创建账号
users-edit = 编辑账号
users-status = 状态
users-active = 已启用
users-disabled = 已停用
users-last-login = 最近登录
users-never = 从未登录
users-created-at = 账号创建于 { $date }。
users-access = 访问权限
users-disable = 停用账号
users-enable = 启用账号
users-session-count = { $count ->
    [0] 当前没有会话。
   *[other] 当前有 { $count } 个会话。
}
users-end-sessions = 结束全部会话
users-sessions-ended = 该账号的全部会话已结束。
users-reset-password = 重置密码
users-password-reset-done = 密码已重置，该账号的会话已全部结束。请当面或电话告知账号本人新密码。
users-history = 变更记录

audit-title = 审计日志
audit-at = 时间
audit-actor = 操作人
audit-action = 操作
audit-entity = 记录
audit-changes = 变更内容
audit-address = IP 地址
audit-any = （全部）
audit-filter = 筛选
audit-empty = 暂无记录。
audit-older = 更早的记录
audit-action-login = 登录
audit-action-login-failed = 登录失败
audit-action-logout = 退出登录
audit-action-user-created = 创建账号
audit-action-user-updated = 修改账号
audit-action-password-reset = 重置密码
audit-action-password-changed = 修改密码
audit-action-sessions-ended = 结束会话
audit-action-language-changed = 更改语言

audit-action-demo-loaded = 载入示范城市演示数据
