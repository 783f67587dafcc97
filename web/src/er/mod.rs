//! The ER diagram of the script's models: `diagram` (what to show, from the
//! static model), `layout` (where), `svg` (the drawing as an element tree),
//! all pure and tested natively; `pane` is the Leptos component (pan, zoom,
//! hover marks the declaring code).

pub mod diagram;
pub mod layout;
pub mod svg;

pub mod pane;
