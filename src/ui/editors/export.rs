//! Saving a drawing for reports: the SVG text as a file, or a PNG drawn from it by the browser.

use crate::ui::platform::{download, download_blob};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A file name from a title: lower case, dashes for anything else.
pub fn file_name(title: &str, ext: &str) -> String {
    let mut base: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while base.contains("--") {
        base = base.replace("--", "-");
    }
    format!("{}.{ext}", base.trim_matches('-'))
}

/// Offers the SVG as a file.
pub fn save_svg(name: &str, svg: &str) -> Result<(), String> {
    download(name, "image/svg+xml", svg)
}

/// Draws the SVG at twice its size on a canvas and offers it as a PNG file. `done` hears of
/// failure in words.
pub fn save_png(
    name: String,
    svg: String,
    width: f64,
    height: f64,
    done: impl Fn(Result<(), String>) + 'static,
) {
    let done = std::rc::Rc::new(done);
    let failed = done.clone();
    let run = || -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("image/svg+xml");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let img = web_sys::HtmlImageElement::new()?;
        let img2 = img.clone();
        let url2 = url.clone();
        let done2 = done.clone();
        let onload = Closure::once(move || {
            let draw = || -> Result<(), JsValue> {
                let doc = web_sys::window()
                    .and_then(|w| w.document())
                    .ok_or("no document")?;
                let canvas: web_sys::HtmlCanvasElement =
                    doc.create_element("canvas")?.dyn_into()?;
                let scale = (4000.0 / width.max(height)).min(2.0);
                canvas.set_width((width * scale) as u32);
                canvas.set_height((height * scale) as u32);
                let ctx: web_sys::CanvasRenderingContext2d = canvas
                    .get_context("2d")?
                    .ok_or("no 2d context")?
                    .dyn_into()?;
                ctx.set_fill_style_str("#ffffff");
                ctx.fill_rect(0.0, 0.0, width * scale, height * scale);
                ctx.draw_image_with_html_image_element_and_dw_and_dh(
                    &img2,
                    0.0,
                    0.0,
                    width * scale,
                    height * scale,
                )?;
                let _ = web_sys::Url::revoke_object_url(&url2);
                let done3 = done2.clone();
                let on_blob = Closure::once(move |blob: Option<web_sys::Blob>| match blob {
                    Some(b) => done3(download_blob(&name, &b)),
                    None => done3(Err("the browser could not make the picture".into())),
                });
                canvas.to_blob(on_blob.as_ref().unchecked_ref())?;
                on_blob.forget();
                Ok(())
            };
            if let Err(e) = draw() {
                done2(Err(format!("{e:?}")));
            }
        });
        img.set_onload(Some(onload.as_ref().unchecked_ref()));
        onload.forget();
        let done4 = done.clone();
        let onerror =
            Closure::once(move || done4(Err("the drawing could not be read as a picture".into())));
        img.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        onerror.forget();
        img.set_src(&url);
        Ok(())
    };
    if let Err(e) = run() {
        failed(Err(format!("{e:?}")));
    }
}

/// "Save picture": one menu for the drawing's files (SVG, PNG and, for the genogram, GEDCOM),
/// so the editor's toolbar fits one row on a tablet held upright. It closes once one is chosen.
#[leptos::component]
pub fn SavePicture(
    svg: leptos::prelude::Callback<()>,
    png: leptos::prelude::Callback<()>,
    #[prop(optional)] gedcom: Option<leptos::prelude::Callback<()>>,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let menu = NodeRef::<leptos::html::Details>::new();
    let pick = move |f: Callback<()>| {
        move |_| {
            if let Some(m) = menu.get_untracked() {
                m.set_open(false);
            }
            f.run(());
        }
    };
    view! {
        <details class="menu" node_ref=menu data-testid="save-picture">
            <summary class="button button--secondary button--small menu__button">"Save picture"</summary>
            <div class="menu__items">
                <button type="button" class="button button--secondary button--small" on:click=pick(svg)>"Save as SVG"</button>
                <button type="button" class="button button--secondary button--small" on:click=pick(png)>"Save as PNG"</button>
                {gedcom.map(|g| view! {
                    <button type="button" class="button button--secondary button--small" on:click=pick(g)>"Save as GEDCOM (family tree)"</button>
                })}
            </div>
        </details>
    }
}
