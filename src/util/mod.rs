//! Shared building blocks with no dependency on any stage: hashing, word
//! shapes and `char` boundaries. Every other module may use these; this
//! module uses none of them.

mod hash;
mod shapes;
mod text;

pub(crate) use hash::{WordHasher, WordMap, WordSet};
pub(crate) use shapes::Shapes;
pub(crate) use text::{ceil_char, floor_char, with_lowercase};
