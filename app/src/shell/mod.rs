//! The frame around every page: header with the product name, the navigation the user's role
//! may use, the user menu and the language switcher; plus the home page, the not-found page
//! and the shared pieces that show errors in the reader's language.
//!
//! `layout` draws the frame, `document` the whole documents the server renders alone, `home`
//! the home page; `errors` and `forms` show what went wrong, `words` names things in the
//! reader's language, `paging` pages through lists and writes their links.

#[cfg(feature = "ssr")]
mod document;
mod errors;
mod forms;
mod home;
mod layout;
mod paging;
mod words;

#[cfg(feature = "ssr")]
pub use document::{error_document, set_bundle_name, standalone_document};
pub use errors::{answer_with, error_text, field_error_text, page_error, Forbidden, NotFound};
pub use forms::{field_message, name_fields, name_labels, reset_when, FormError, Saved};
pub use home::HomePage;
pub use layout::{use_me, DocumentTitle, Layout, Me};
pub use paging::{pager, query_string, url_encode, url_encode_path, with_query, Paging};
pub use words::{case_type_name, join_list, language_name, role_name, today, with_aside};

crate::routes::pages! {
    "/" => HomePage, Staff;
}
