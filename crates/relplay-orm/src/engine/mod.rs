//! The engine's `echo=True` log (mirrors `engine/base.py` `_execute_context`
//! logging and `engine/default.py` `_get_cache_stats`), without I/O: it
//! returns the lines to print. Time comes from the embedder's clock.

mod echo;
mod fmt;
mod params;

pub use echo::{Clock, EchoLog, ExecKind};
pub use fmt::{format_g, format_seconds_f5};
pub use params::{long_statement, repr_params, repr_single_value};
