//! Domain types shared by the browser and the server. Each validates when parsed, so a value
//! of the type is known to be well-formed wherever it travels. Also here, so that no area
//! has to import another's for them: what several areas read (the audit log's entries, the
//! outbox's messages, a booking's clashes) and how far every list goes (`COUNT_CAP`, `MAX_PAGE`).

mod account;
mod audit;
mod booking;
mod calendar;
mod case_ref;
mod case_status;
mod case_type;
mod codes;
mod countries;
mod county;
mod credit_code;
mod identity;
pub mod instant;
mod locale;
mod network;
mod outbox;
mod paging;
mod public_text;
pub mod search;

pub use account::{DisplayName, Email, NewPassword, Role};
pub use audit::{AuditEntry, AuditFilter, AuditPage};
pub use booking::{Clash, ResourceKind};
pub use calendar::{office_day_start, office_time, office_today, year_bounds, DayKind, WorkingCalendar};
pub use case_ref::{normalise_access_code, CaseReference, ACCESS_CODE_ALPHABET, ACCESS_CODE_LEN};
pub use case_status::{CaseStatus, Deadline};
pub use case_type::CaseType;
pub use countries::Country;
pub use county::{county_name, County};
pub use credit_code::{check_character, CreditCode};
pub use identity::{mask_passport, PassportNumber, Phone};
pub use locale::Locale;
pub use network::{client_address, throttle_key, IpBlock};
pub use outbox::{CaseMessage, MessageState, OutboxEntry, OutboxFilter, Recipient};
pub use paging::{COUNT_CAP, MAX_PAGE};
pub use public_text::PublicText;
