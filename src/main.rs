//! The workbench module: opening an assessment and its everyday pages (see `ui::handoff`).

fn main() {
    console_error_panic_hook::set_once();
    assessment_workbench::start_workbench();
}
