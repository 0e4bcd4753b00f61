//! The app's access to the message catalog, which lives in the engine so that the
//! engine's own messages (import problems) come from the same file.

pub use crate::engine::messages::{msg, tf};
