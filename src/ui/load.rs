//! The state of something loaded asynchronously from storage.

/// Loading, loaded, or failed with a message for the user.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(String),
}
