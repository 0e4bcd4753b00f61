//! Everything that talks to the browser, behind small functions the reducer and the
//! screens call: storage, files in and out, language and guide files, the service
//! worker, the clock and random ids, sharing with a host page.

pub mod clock;
pub mod download;
pub mod files;
pub mod guide_files;
pub mod i18n;
pub mod on_demand;
pub mod promise;
pub mod records;
pub mod service_worker;
pub mod shared_file;
pub mod storage;
