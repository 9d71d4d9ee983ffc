//! Stable names for the actions a key can be bound to, as the `keys` setting writes them
//! (`"ctrl-n": "next-tab"`). Names are kebab-case; snake_case is read too.

use super::{ACTIONS, Action};

impl Action {
    /// The action's name in the `keys` setting; `None` for actions no key can be bound to (typing,
    /// mouse clicks, resizes).
    pub fn name(self) -> Option<&'static str> {
        self.spec().map(|s| s.name)
    }

    /// The action a name stands for: `next-tab`, `next_tab` or `Next-Tab`.
    pub fn from_name(name: &str) -> Option<Action> {
        let folded = name.trim().to_ascii_lowercase().replace('_', "-");
        ACTIONS.iter().find(|s| s.name == folded).map(|s| s.action)
    }

    /// What an action name in the `keys` setting does, in words, for `config --print`.
    pub fn what_name_does(name: &str) -> &'static str {
        Action::from_name(name).map_or("no action of that name (the help lists the names)", |a| {
            a.describe()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_are_unique() {
        for s in ACTIONS {
            assert_eq!(Action::from_name(s.name), Some(s.action));
            assert_eq!(s.action.name(), Some(s.name));
        }
        assert_eq!(Action::from_name("NEXT_TAB"), Some(Action::NextTab));
        assert_eq!(Action::from_name("halp"), None);
        assert_eq!(Action::SearchInput('a').name(), None);
        assert_eq!(Action::what_name_does("next_tab"), "next tab");
        assert!(Action::what_name_does("halp").starts_with("no action"));
    }
}
