//! Shared building blocks with no dependency on any stage: hashing, word
//! shapes, `char` boundaries and running two jobs at once. Every other module may use these; this
//! module uses none of them.

mod hash;
mod join;
mod shapes;
mod text;

pub(crate) use hash::{WordHasher, WordMap, WordSet};
pub(crate) use join::join;
pub(crate) use shapes::Shapes;
pub(crate) use text::{
    ascii_run_end, ceil_char, find_ascii, find_byte, floor_char, is_alphanumeric, with_lowercase,
    HIGH, ONES,
};
