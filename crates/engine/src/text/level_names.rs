//! The maturity levels' names in a given language (the levels themselves are the
//! model's: [`MaturityLevel`]).

use crate::model::level::MaturityLevel;
use crate::text::messages::Texts;

impl MaturityLevel {
    /// The level's short name, e.g. "Defined and operating".
    pub fn name(self, texts: Texts) -> &'static str {
        [
            texts.level_0(),
            texts.level_1(),
            texts.level_2(),
            texts.level_3(),
            texts.level_4(),
            texts.level_5(),
        ][self as usize]
    }
}
