//! The front module: the pages outside an assessment (see `ui::handoff`).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(assessment_workbench::FrontApp);
}
