//! The pure reducer ([`crate::state`]) inside Yew. [`UiState`] is the app state with the
//! store its effects run against; every action is stamped here with the time and a
//! fresh id, reduced, and its effects run against local storage at once (it answers
//! synchronously, so a change renders once). Nothing else happens here.

pub use crate::state::{
    Action, AppState, Deleted, ImportState, Notice, OpenFailure, Resolution, Stamp,
    BACKUP_REMINDER_AFTER,
};

use crate::config::Config;
use crate::engine::text::lang::Lang;
use crate::state::{run, Repository, Saved};
use crate::ui::services::{clock, i18n};
use std::ops::Deref;
use std::rc::Rc;
use yew::Reducible;

/// The app state and the store behind it.
#[derive(Clone)]
pub struct UiState {
    app: AppState,
    store: Rc<dyn Repository>,
}

impl UiState {
    /// The state at start-up: reads the saved list and the quick answers from `store`.
    pub fn load(config: Rc<Config>, lang: Lang, store: Rc<dyn Repository>) -> UiState {
        let saved = Saved::read(&*store, i18n::catalog());
        UiState {
            app: AppState::new(config, lang, saved),
            store,
        }
    }

    /// The store, for screens that read a saved assessment beside the open one (compare)
    /// or a broken entry's text (download).
    pub fn store(&self) -> Rc<dyn Repository> {
        Rc::clone(&self.store)
    }
}

impl Deref for UiState {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.app
    }
}

impl PartialEq for UiState {
    fn eq(&self, other: &UiState) -> bool {
        self.app == other.app && Rc::ptr_eq(&self.store, &other.store)
    }
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.app.clone();
        let stamp = Stamp {
            now: clock::now(),
            new_id: clock::new_id(),
            texts: i18n::texts(),
            today: clock::today(),
        };
        run(&mut next, action, stamp, &*self.store, i18n::catalog());
        // Nothing shown changed (another tab's storage event about other keys, opening
        // what is open): the same state, so nothing re-renders.
        if next == self.app {
            return self;
        }
        Rc::new(UiState {
            app: next,
            store: Rc::clone(&self.store),
        })
    }
}
