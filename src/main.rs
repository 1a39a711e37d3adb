//! The workbench module: every page of the app (see `ui::handoff`).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(assessment_workbench::App);
}
