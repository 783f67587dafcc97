//! The model panel: the models, columns and relationships the code
//! declares (read from the text, so typing updates it), with controls that
//! perform the editor's actions as edits of the code.

use leptos::prelude::*;
use relplay::Model;
use relplay_lab::edit::{column_spec, sync_of, Action, ColumnSpec, RelKind, Sync};
use relplay_lab::model::{MappedClass, Relationship};

use super::Lab;

const TYPES: &[&str] = &[
    "Integer",
    "String",
    "String(50)",
    "Text",
    "Boolean",
    "Float",
];
const LAZY: &[&str] = &[
    "select", "joined", "selectin", "subquery", "dynamic", "raise", "noload",
];
const KINDS: &[(&str, RelKind)] = &[
    ("one-to-many", RelKind::OneToMany),
    ("many-to-one", RelKind::ManyToOne),
    ("one-to-one", RelKind::OneToOne),
    ("many-to-many", RelKind::ManyToMany),
    ("association object", RelKind::AssociationObject),
    ("self-referential", RelKind::SelfReferential),
];

#[component]
pub fn ModelEditor(lab: Lab) -> impl IntoView {
    let model = Memo::new(move |_| lab.code.with(|c| relplay::model(c).ok()));
    view! {
        <div class="lab-model" data-testid="model-editor">
            <span class="lab-title">"Models"</span>
            {move || lab.error.get().map(|e| view! { <p class="lab-error" role="alert" data-testid="lab-error">{e}</p> })}
            {move || match model.get() {
                None => view! { <p class="lab-empty">"The code does not parse; fix it to edit the models."</p> }.into_any(),
                Some(m) => view! {
                    {m.classes.iter().map(|c| class_view(lab, &m, c)).collect_view()}
                    {add_forms(lab, &m)}
                }.into_any(),
            }}
        </div>
    }
}

fn class_view(lab: Lab, m: &Model, c: &MappedClass) -> impl IntoView {
    let name = c.name.clone();
    let n1 = name.clone();
    let n2 = name.clone();
    let table = m.table_of(&c.name).unwrap_or("?").to_string();
    view! {
        <div class="lab-class" data-testid="model" data-class=name.clone()>
            <div class="lab-class-head">
                <input class="lab-name" data-testid="rename-model" aria-label="Class name" prop:value=name.clone()
                    on:change=move |ev| lab.perform(&Action::RenameModel { name: n1.clone(), to: event_target_value(&ev) }) />
                <span class="lab-table">{format!("table {table}")}</span>
                <button class="lab-del" data-testid="delete-model" title="Delete this model" on:click=move |_| lab.perform(&Action::DeleteModel { name: n2.clone() })>"✕"</button>
            </div>
            <table class="lab-columns-table">
                <tbody>
                    {c.columns.iter().map(|col| column_row(lab, &c.name, col)).collect_view()}
                </tbody>
            </table>
            <ul class="lab-rels">
                {c.relationships.iter().map(|r| rel_view(lab, r)).collect_view()}
            </ul>
        </div>
    }
}

fn column_row(lab: Lab, class: &str, col: &relplay_lab::model::ColumnDef) -> impl IntoView {
    let spec = column_spec(col);
    let attr = spec.name.clone();
    let owner = class.to_string();
    let set = move |f: &dyn Fn(&mut ColumnSpec)| {
        let mut s = spec.clone();
        f(&mut s);
        Action::SetColumn {
            class: owner.clone(),
            name: attr.clone(),
            column: s,
        }
    };
    // Each control builds its action from the column as it is now.
    let (a_rename, a_type, a_pk, a_null, a_uniq, a_fk) = (
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set,
    );
    let class_d = class.to_string();
    let attr_d = col.attr.clone().unwrap_or_default();
    let cur = column_spec(col);
    view! {
        <tr class="lab-column" data-testid="column" data-column=cur.name.clone()>
            <td><input data-testid="column-name" aria-label="Column name" prop:value=cur.name.clone()
                on:change=move |ev| { let v = event_target_value(&ev); lab.perform(&a_rename(&|s| s.name = v.clone())) } /></td>
            <td><input data-testid="column-type" aria-label="Type" list="lab-types" prop:value=cur.type_.clone()
                on:change=move |ev| { let v = event_target_value(&ev); lab.perform(&a_type(&|s| s.type_ = v.clone())) } /></td>
            <td><label title="primary key"><input type="checkbox" data-testid="column-pk" prop:checked=cur.primary_key
                on:change=move |ev| { let v = event_target_checked(&ev); lab.perform(&a_pk(&|s| s.primary_key = v)) } />"PK"</label></td>
            <td><label><input type="checkbox" data-testid="column-nullable" prop:checked=cur.nullable
                on:change=move |ev| { let v = event_target_checked(&ev); lab.perform(&a_null(&|s| s.nullable = v)) } />"null"</label></td>
            <td><label><input type="checkbox" data-testid="column-unique" prop:checked=cur.unique
                on:change=move |ev| { let v = event_target_checked(&ev); lab.perform(&a_uniq(&|s| s.unique = v)) } />"unique"</label></td>
            <td><input data-testid="column-fk" aria-label="Foreign key target" placeholder="FK table.column" prop:value=cur.foreign_key.clone().unwrap_or_default()
                on:change=move |ev| { let v = event_target_value(&ev); let fk = (!v.trim().is_empty()).then(|| v.trim().to_string()); lab.perform(&a_fk(&|s| s.foreign_key = fk.clone())) } /></td>
            <td><button class="lab-del" data-testid="delete-column" title="Delete this column"
                on:click=move |_| lab.perform(&Action::DeleteColumn { class: class_d.clone(), name: attr_d.clone() })>"✕"</button></td>
        </tr>
    }
}

fn rel_view(lab: Lab, r: &Relationship) -> impl IntoView {
    let rel = format!("{}.{}", r.owner, r.attr);
    let target = r.target_class().unwrap_or("?").to_string();
    let sync = sync_of(r).name();
    let uselist = match r.uselist.as_ref().and_then(|u| u.as_bool()) {
        Some(true) => "true",
        Some(false) => "false",
        None => "",
    };
    let lazy = r
        .lazy
        .as_ref()
        .and_then(|l| l.as_str())
        .unwrap_or("")
        .to_string();
    let cascade = r
        .cascade
        .as_ref()
        .and_then(|c| c.as_str())
        .unwrap_or("")
        .to_string();
    let (r1, r2, r3, r4, r5, r6, r7) = (
        rel.clone(),
        rel.clone(),
        rel.clone(),
        rel.clone(),
        rel.clone(),
        rel.clone(),
        rel.clone(),
    );
    view! {
        <li class="lab-rel" data-testid="relationship" data-rel=rel.clone()>
            <span class="lab-rel-name">{format!("{} → {target}", r.attr)}</span>
            <select data-testid="rel-sync" aria-label="How the sides are linked" prop:value=sync on:change=move |ev| {
                if let Some(s) = Sync::parse(&event_target_value(&ev)) {
                    lab.perform(&Action::SetSync { rel: r1.clone(), sync: s, other: None });
                }
            }>
                {Sync::ALL.iter().map(|s| view! { <option value=s.name()>{s.name()}</option> }).collect_view()}
            </select>
            <select data-testid="rel-uselist" aria-label="uselist" prop:value=uselist on:change=move |ev| {
                let v = event_target_value(&ev);
                lab.perform(&Action::SetUselist { rel: r2.clone(), uselist: match v.as_str() { "true" => Some(true), "false" => Some(false), _ => None } });
            }>
                <option value="">"uselist: default"</option>
                <option value="true">"uselist=True"</option>
                <option value="false">"uselist=False"</option>
            </select>
            <select data-testid="rel-lazy" aria-label="lazy" prop:value=lazy on:change=move |ev| {
                let v = event_target_value(&ev);
                lab.perform(&Action::SetLazy { rel: r3.clone(), lazy: (!v.is_empty()).then_some(v) });
            }>
                <option value="">"lazy: default"</option>
                {LAZY.iter().map(|l| view! { <option value=*l>{*l}</option> }).collect_view()}
            </select>
            <input data-testid="rel-cascade" aria-label="cascade" placeholder="cascade" prop:value=cascade on:change=move |ev| {
                let v = event_target_value(&ev);
                lab.perform(&Action::SetCascade { rel: r4.clone(), cascade: (!v.trim().is_empty()).then(|| v.trim().to_string()) });
            } />
            <button data-testid="rel-move-fk" title="Move the foreign key to the other table" on:click=move |_| lab.perform(&Action::MoveForeignKey { rel: r5.clone() })>"move FK"</button>
            <button data-testid="rel-compare-sync" on:click=move |_| { lab.compare(&r6, "sync"); }>"compare sync"</button>
            <button data-testid="rel-compare-lazy" on:click=move |_| { lab.compare(&r7, "lazy"); }>"compare lazy"</button>
        </li>
    }
}

fn add_forms(lab: Lab, m: &Model) -> impl IntoView {
    let classes: Vec<String> = m.classes.iter().map(|c| c.name.clone()).collect();
    let options = move || {
        classes
            .iter()
            .map(|c| view! { <option value=c.clone()>{c.clone()}</option> })
            .collect_view()
    };
    let first = m
        .classes
        .first()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let second = m
        .classes
        .get(1)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| first.clone());
    // Add model.
    let model_name = RwSignal::new(String::new());
    // Add column.
    let col_class = RwSignal::new(first.clone());
    let col_name = RwSignal::new(String::new());
    let col_type = RwSignal::new("Integer".to_string());
    let col_fk = RwSignal::new(String::new());
    let col_null = RwSignal::new(true);
    let col_unique = RwSignal::new(false);
    // Add relationship.
    let kind = RwSignal::new("one-to-many".to_string());
    let from = RwSignal::new(first);
    let to = RwSignal::new(second);
    let attr = RwSignal::new(String::new());
    let back = RwSignal::new(String::new());
    let opts2 = options.clone();
    let opts3 = options.clone();
    view! {
        <datalist id="lab-types">{TYPES.iter().map(|t| view! { <option value=*t></option> }).collect_view()}</datalist>
        <form class="lab-add" data-testid="add-model" on:submit=move |ev| {
            ev.prevent_default();
            lab.perform(&Action::AddModel { name: model_name.get_untracked(), table: None });
        }>
            <input data-testid="add-model-name" placeholder="NewModel" aria-label="New model name" on:input=move |ev| model_name.set(event_target_value(&ev)) />
            <button type="submit">"Add model"</button>
        </form>
        <form class="lab-add" data-testid="add-column" on:submit=move |ev| {
            ev.prevent_default();
            let fk = col_fk.get_untracked();
            lab.perform(&Action::AddColumn {
                class: col_class.get_untracked(),
                column: ColumnSpec {
                    name: col_name.get_untracked(),
                    type_: col_type.get_untracked(),
                    primary_key: false,
                    nullable: col_null.get_untracked(),
                    unique: col_unique.get_untracked(),
                    foreign_key: (!fk.trim().is_empty()).then(|| fk.trim().to_string()),
                },
            });
        }>
            <select data-testid="add-column-class" aria-label="Class" prop:value=move || col_class.get() on:change=move |ev| col_class.set(event_target_value(&ev))>{options()}</select>
            <input data-testid="add-column-name" placeholder="column" aria-label="Column name" on:input=move |ev| col_name.set(event_target_value(&ev)) />
            <input data-testid="add-column-type" list="lab-types" aria-label="Type" prop:value=move || col_type.get() on:input=move |ev| col_type.set(event_target_value(&ev)) />
            <label><input type="checkbox" data-testid="add-column-nullable" prop:checked=move || col_null.get() on:change=move |ev| col_null.set(event_target_checked(&ev)) />"null"</label>
            <label><input type="checkbox" data-testid="add-column-unique" prop:checked=move || col_unique.get() on:change=move |ev| col_unique.set(event_target_checked(&ev)) />"unique"</label>
            <input data-testid="add-column-fk" placeholder="FK table.column" aria-label="Foreign key target" on:input=move |ev| col_fk.set(event_target_value(&ev)) />
            <button type="submit">"Add column"</button>
        </form>
        <form class="lab-add" data-testid="add-relationship" on:submit=move |ev| {
            ev.prevent_default();
            let k = KINDS.iter().find(|(n, _)| *n == kind.get_untracked()).map_or(RelKind::OneToMany, |(_, k)| *k);
            let b = back.get_untracked();
            lab.perform(&Action::AddRelationship {
                kind: k,
                from: from.get_untracked(),
                to: to.get_untracked(),
                attr: attr.get_untracked(),
                back: (!b.trim().is_empty()).then(|| b.trim().to_string()),
            });
        }>
            <select data-testid="add-rel-kind" aria-label="Kind" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                {KINDS.iter().map(|(n, _)| view! { <option value=*n>{*n}</option> }).collect_view()}
            </select>
            <select data-testid="add-rel-from" aria-label="From" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))>{opts2()}</select>
            <input data-testid="add-rel-attr" placeholder="attribute" aria-label="Attribute" on:input=move |ev| attr.set(event_target_value(&ev)) />
            <select data-testid="add-rel-to" aria-label="To" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))>{opts3()}</select>
            <input data-testid="add-rel-back" placeholder="other side (optional)" aria-label="Other side attribute" on:input=move |ev| back.set(event_target_value(&ev)) />
            <button type="submit">"Add relationship"</button>
        </form>
    }
}
