//! Entry point of the Trunk build: mounts the widget into every marked element.
fn main() {
    historical_import_checklist::start();
}
