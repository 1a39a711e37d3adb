//! The app shell: header, routes and footer.

use super::editors::genogram::GenogramPage;
use super::editors::network::{NetworkPage, NetworkPresentPage};
use super::pages::lock::{start_idle_lock, LockButton, LockState, UnlockPage};
use super::pages::print::{FamilyPrintPage, ProfessionalPrintPage};
use super::pages::{
    bin::BinPage, children::ChildrenPage, chronology::ChronologyPage, delete::DeletePage,
    details::DetailsPage, group::GroupPage, import::ImportPage, list::ListPage,
    new::NewAssessmentPage, not_found::NotFound, overview::OverviewPage, people::PeoplePage,
    person::PersonPage, section::SectionPage, shell::AssessmentShell,
};
use super::pages::{
    present::PresentPage, scale::ScalePage, scales::ScalesPage, storage::StoragePage,
};
use super::widgets::update_banner::UpdateBanner;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lock = LockState::new();
    provide_context(lock);
    start_idle_lock();
    view! {
        <Router>
            <a href="#main-content" class="skip-link">"Skip to main content"</a>
            <header class="header" role="banner">
                <div class="header__container width-container">
                    <A href="/" attr:class="header__service">"Assessment Workbench"</A>
                    <nav aria-label="Main" class="header__nav">
                        <A href="/" attr:class="header__link" exact=true>"Assessments"</A>
                        <A href="/bin" attr:class="header__link">"Bin"</A>
                        <LockButton/>
                    </nav>
                </div>
            </header>
            <UpdateBanner/>
            <div class="width-container">
                <main class="main" id="main-content" tabindex="-1">
                    {move || if lock.locked.get() { view! { <UnlockPage/> }.into_any() } else { view! {
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=ListPage/>
                        <Route path=path!("/new") view=NewAssessmentPage/>
                        <Route path=path!("/import") view=ImportPage/>
                        <Route path=path!("/bin") view=BinPage/>
                        <Route path=path!("/storage") view=StoragePage/>
                        <ParentRoute path=path!("/assessments/:id") view=AssessmentShell>
                            <Route path=path!("") view=OverviewPage/>
                            <Route path=path!("details") view=DetailsPage/>
                            <Route path=path!("children") view=ChildrenPage/>
                            <Route path=path!("people") view=PeoplePage/>
                            <Route path=path!("person/:pid") view=PersonPage/>
                            <Route path=path!("delete") view=DeletePage/>
                            <Route path=path!("chronology") view=ChronologyPage/>
                            <Route path=path!("print") view=ProfessionalPrintPage/>
                            <Route path=path!("print/family") view=FamilyPrintPage/>
                            <Route path=path!("genogram") view=GenogramPage/>
                            <Route path=path!("network") view=NetworkPage/>
                            <Route path=path!("network/present") view=NetworkPresentPage/>
                            <Route path=path!("scales") view=ScalesPage/>
                            <Route path=path!("scales/:sid") view=ScalePage/>
                            <Route path=path!("scales/:sid/present") view=PresentPage/>
                            <Route path=path!("s/:section") view=SectionPage/>
                            <Route path=path!("s/:section/:group") view=GroupPage/>
                        </ParentRoute>
                    </Routes>
                    }.into_any() }}
                </main>
            </div>
            <footer class="footer" role="contentinfo">
                <div class="width-container">
                    <p>"Assessment Workbench keeps everything on this device. Nothing is sent anywhere unless you export it."</p>
                    <p>"Use only in line with your council's information governance. "<A href="/storage">"Storage on this device"</A></p>
                </div>
            </footer>
        </Router>
    }
}
