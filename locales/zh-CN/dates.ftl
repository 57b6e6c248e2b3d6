## 日期：各列表和页面显示的日期格式（app/src/i18n.rs 每种语言只读取一次）。

# 日期：2027年1月1日（$month 为“1月”）。
date-pattern = { $year }年{ $month }{ $day }日
# 日期和时间，24 小时制（$time 为 00:30）：2027年1月1日 00:30。
datetime-pattern = { $date } { $time }

month-short-1 = 1月
month-short-2 = 2月
month-short-3 = 3月
month-short-4 = 4月
month-short-5 = 5月
month-short-6 = 6月
month-short-7 = 7月
month-short-8 = 8月
month-short-9 = 9月
month-short-10 = 10月
month-short-11 = 11月
month-short-12 = 12月

# 周一至周日。
weekday-short-1 = 周一
weekday-short-2 = 周二
weekday-short-3 = 周三
weekday-short-4 = 周四
weekday-short-5 = 周五
weekday-short-6 = 周六
weekday-short-7 = 周日
