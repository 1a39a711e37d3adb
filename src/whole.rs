//! The whole app: every page (see `ui::handoff`).

fn main() {
    console_error_panic_hook::set_once();
    assessment_workbench::start_whole();
}
