//! The ER diagram of the script's models: `diagram` (what to show, from the
//! static model), `layout` (where), `svg` (the drawing as an element tree),
//! all pure and tested natively; `pane` is the Leptos component (pan, zoom,
//! hover marks the declaring code).

pub mod diagram;
mod labels;
pub mod layout;
mod place;
mod route;
pub mod svg;

pub mod pane;

#[cfg(test)]
mod tests {
    use super::diagram::Diagram;
    use super::layout::layout;
    use super::svg::scene;

    /// Every gallery example draws: each table once, each declared
    /// relationship end named, no two boxes overlapping.
    #[test]
    fn every_gallery_example_draws() {
        for ex in crate::examples::EXAMPLES {
            let Ok(model) = relplay::model(ex.code) else {
                continue; // e.g. the Python 2 print example does not parse
            };
            let d = Diagram::from_model(&model);
            let l = layout(&d);
            let (root, b) = scene(&d, &l);
            let markup = root.to_markup();
            for t in &d.tables {
                let attr = format!("data-table=\"{}\"", t.name);
                assert_eq!(markup.matches(&attr).count(), 1, "{}: {}", ex.id, t.name);
            }
            for c in &model.classes {
                for r in &c.relationships {
                    let attr = format!("data-relationship=\"{}.{}\"", c.name, r.attr);
                    assert!(markup.contains(&attr), "{}: {attr}", ex.id);
                }
            }
            for (i, a) in l.boxes.iter().enumerate() {
                assert!(b.x0 <= a.x && a.x + a.w <= b.x1, "{}: bounds", ex.id);
                for c in &l.boxes[i + 1..] {
                    let apart = a.x + a.w <= c.x
                        || c.x + c.w <= a.x
                        || a.y + a.h <= c.y
                        || c.y + c.h <= a.y;
                    assert!(apart, "{}: overlap", ex.id);
                }
            }
        }
    }
}
