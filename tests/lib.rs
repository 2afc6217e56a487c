//! byline's integration tests: behaviour tables under `tests/data/`, property
//! tests and hostile inputs. One binary, so the crate is linked once.

#[cfg(feature = "bundled")]
mod batch;
mod custom;
#[cfg(feature = "bundled")]
mod entities;
mod errors;
mod gazetteer;
mod hostile;
mod properties;
#[cfg(feature = "bundled")]
mod quotes;
mod segment;
#[cfg(all(feature = "serde", feature = "bundled"))]
mod span_text;
#[cfg(feature = "bundled")]
mod table;
