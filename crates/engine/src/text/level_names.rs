//! The maturity levels' names in the active language (the levels themselves are the
//! model's: [`MaturityLevel`]).

use crate::model::level::MaturityLevel;
use crate::text::messages::msg;

impl MaturityLevel {
    /// The level's short name, e.g. "Defined and operating".
    pub fn name(self) -> &'static str {
        [
            msg::level_0(),
            msg::level_1(),
            msg::level_2(),
            msg::level_3(),
            msg::level_4(),
            msg::level_5(),
        ][self as usize]
    }
}
