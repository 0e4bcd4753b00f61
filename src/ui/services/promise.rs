//! Waiting for a browser promise with a plain callback: the glue both builds share
//! (`aims-web`).

pub use aims_web::settle;
