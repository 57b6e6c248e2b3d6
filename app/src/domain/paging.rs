//! How far every list goes: how many matches it counts and how many pages it serves.

/// Lists count their matches up to this many; past it they say "more than" (a worklist
/// needs no exact count of thousands, and counting them costs every page view).
pub const COUNT_CAP: i64 = 1_000;

/// The last page a list serves (pages beyond are empty).
pub const MAX_PAGE: i64 = 10_000;
