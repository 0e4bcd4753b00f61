//! One component per route (the screens), each owning its UI state (filters, open
//! panels, pending confirmations). They read the app state and send actions through
//! [`crate::ui::context`]; parts shared between screens are in [`crate::ui::components`].

pub mod assess;
pub mod compare;
pub mod crosswalks;
pub mod documents;
pub mod guide;
pub mod home;
pub mod not_found;
pub mod plan;
pub mod profile;
pub mod quick;
pub mod readiness_report;
pub mod registers;
pub mod results;
pub mod soa;
