//! The app shell: header, routes and footer.

use super::editors::genogram::GenogramPage;
use super::editors::network::{NetworkPage, NetworkPresentPage};
use super::pages::lock::{start_idle_lock, LockButton, LockState, UnlockPage};
use super::pages::opening::OpenModule;
use super::pages::print::{FamilyPrintPage, ProfessionalPrintPage};
use super::pages::{
    bin::BinPage, children::ChildrenPage, chronology::ChronologyPage, delete::DeletePage,
    details::DetailsPage, due::DuePage, group::GroupPage, import::ImportPage, list::WholeListPage,
    new::NewAssessmentPage, not_found::NotFound, overview::OverviewPage, people::PeoplePage,
    person::PersonPage, section::SectionPage, shell::AssessmentShell,
};
use super::pages::{
    pair::PairPage, plan_present::SafetyPlanPresentPage, planning::PlanningPage,
    present::PresentPage, safety_plan::SafetyPlanPage, scale::ScalePage, scales::ScalesPage,
    storage::StoragePage,
};
use super::router::{provide_router, use_location, NavLink, Page, Route};
use super::widgets::update_banner::UpdateBanner;
use leptos::prelude::*;

/// The whole app: every page.
#[component]
pub fn App() -> impl IntoView {
    view! { <Frame pages=ViewFn::from(|| module_pages(any_top_level_page))/> }
}

/// The workbench: opening an assessment and the pages used most (see
/// [`super::router::Module`]); any other page is handed to the whole app.
#[component]
pub fn WorkbenchApp() -> impl IntoView {
    view! { <Frame pages=ViewFn::from(|| module_pages(everyday_top_level_page))/> }
}

/// Header, update banner, lock, main area and footer around `pages`.
#[component]
pub fn Frame(pages: ViewFn) -> impl IntoView {
    remove_early_page();
    let lock = LockState::new();
    provide_context(lock);
    start_idle_lock();
    provide_router();
    view! {
        <a href="#main-content" class="skip-link">"Skip to main content"</a>
        <header class="header" role="banner">
            <div class="header__container width-container">
                <a href="/" class="header__service">"Assessment Workbench"</a>
                <nav aria-label="Main" class="header__nav">
                    <NavLink href="/" class="header__link" exact=true>"Assessments"</NavLink>
                    <NavLink href="/bin" class="header__link">"Bin"</NavLink>
                    <LockButton/>
                </nav>
            </div>
        </header>
        <UpdateBanner/>
        <div class="width-container">
            <main class="main" id="main-content" tabindex="-1">
                {move || if lock.locked.get() { view! { <UnlockPage/> }.into_any() } else { pages.run() }}
            </main>
        </div>
        <footer class="footer" role="contentinfo">
            <div class="width-container">
                <p>"Assessment Workbench keeps everything on this device. Nothing is sent anywhere unless you export it."</p>
                <p>"Use only in line with your council's information governance. "<a href="/storage">"Storage on this device"</a></p>
            </div>
        </footer>
    }
}

/// Takes away the list's page the loader drew from `index.html` while the module loaded: the
/// app draws its own in the same task, so nothing blinks.
fn remove_early_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(nodes) = doc.query_selector_all("[data-aw-shell]") {
        for i in 0..nodes.length() {
            if let Some(n) = nodes.get(i).and_then(|n| n.parent_node().map(|p| (p, n))) {
                let _ = n.0.remove_child(&n.1);
            }
        }
    }
}

/// The route with every assessment page folded into its overview: changes only when the
/// top-level page or the assessment changes, so an assessment stays open between its pages.
fn top_level() -> Memo<Route> {
    let loc = use_location();
    Memo::new(move |_| match loc.route.get() {
        Route::Assessment { id, .. } => Route::Assessment {
            id,
            page: Page::Overview,
        },
        r => r,
    })
}

/// The top-level pages: `list` for the list of assessments, `other` for every other page (new,
/// import, bin, what's due, storage, an assessment's pages, the exports and the demonstration
/// case). The front passes the list drawn from stored summaries and hands every other page to
/// a larger module, so it carries no document code and no passphrase settings; the workbench
/// and the whole app pass their own (see [`super::router::Module`]).
pub fn top_level_pages(
    list: fn() -> AnyView,
    other: impl Fn(Route) -> AnyView + Send + 'static,
) -> impl IntoView {
    let top = top_level();
    move || match top.get() {
        Route::List => list(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
        route => other(route),
    }
}

/// The pages of a module that has the whole list: `page` draws every other page (the profiles
/// on this device registered first).
fn module_pages(page: fn(Route) -> AnyView) -> impl IntoView {
    use super::pages::procedures::WithProfiles;
    top_level_pages(
        || view! { <WithProfiles><WholeListPage/></WithProfiles> }.into_any(),
        move |route| view! { <WithProfiles>{page(route.clone())}</WithProfiles> }.into_any(),
    )
}

/// A page of the workbench module: new, and an assessment's everyday pages; others are handed
/// to the whole app.
fn everyday_top_level_page(route: Route) -> AnyView {
    match route {
        Route::New => view! { <NewAssessmentPage/> }.into_any(),
        Route::Assessment { .. } => {
            view! { <AssessmentShell page=|| shown_page(everyday_or_handed_over)/> }.into_any()
        }
        _ => view! { <OpenModule/> }.into_any(),
    }
}

/// A page of the whole app.
fn any_top_level_page(route: Route) -> AnyView {
    match route {
        Route::New => view! { <NewAssessmentPage/> }.into_any(),
        Route::Import => view! { <ImportPage/> }.into_any(),
        Route::Bin => view! { <BinPage/> }.into_any(),
        Route::Due => view! { <DuePage/> }.into_any(),
        Route::Demo => view! { <super::pages::exports::DemoPage/> }.into_any(),
        Route::Exports => view! { <super::pages::exports::ExportsPage/> }.into_any(),
        Route::Storage => view! { <StoragePage/> }.into_any(),
        Route::Backup => view! { <super::pages::backup::BackupPage/> }.into_any(),
        Route::Procedures => view! { <super::pages::procedures::ProceduresPage/> }.into_any(),
        Route::ProcedurePreview => view! { <super::pages::preview::PreviewPage/> }.into_any(),
        _ => view! { <AssessmentShell page=|| shown_page(any_assessment_page)/> }.into_any(),
    }
}

/// The page inside the open assessment, drawn by `draw`.
fn shown_page(draw: fn(&Page) -> AnyView) -> impl IntoView {
    let loc = use_location();
    let page = Memo::new(move |_| match &*loc.route.read() {
        Route::Assessment { page, .. } => page.clone(),
        _ => Page::NotFound,
    });
    move || draw(&page.get())
}

/// An everyday page, or the whole app opened for any other (the open assessment's changes
/// saved and its undo history carried over).
fn everyday_or_handed_over(page: &Page) -> AnyView {
    everyday_page(page).unwrap_or_else(|| view! { <OpenModule/> }.into_any())
}

fn any_assessment_page(page: &Page) -> AnyView {
    everyday_page(page).unwrap_or_else(|| other_page(page))
}

/// One of the pages the workbench module has ([`Page::is_everyday`]).
fn everyday_page(page: &Page) -> Option<AnyView> {
    Some(match page {
        Page::Overview => view! { <OverviewPage/> }.into_any(),
        Page::Details => view! { <DetailsPage/> }.into_any(),
        Page::Children => view! { <ChildrenPage/> }.into_any(),
        Page::People => view! { <PeoplePage/> }.into_any(),
        Page::Person(_) => view! { <PersonPage/> }.into_any(),
        Page::Delete => view! { <DeletePage/> }.into_any(),
        Page::Scales => view! { <ScalesPage/> }.into_any(),
        Page::Scale(_) => view! { <ScalePage/> }.into_any(),
        Page::Planning => view! { <PlanningPage/> }.into_any(),
        Page::Pair(_) => view! { <PairPage/> }.into_any(),
        Page::SafetyPlan => view! { <SafetyPlanPage/> }.into_any(),
        Page::Section(_) => view! { <SectionPage/> }.into_any(),
        Page::Group(..) => view! { <GroupPage/> }.into_any(),
        Page::NotFound => view! { <NotFound/> }.into_any(),
        _ => return None,
    })
}

/// The pages only the whole app has.
fn other_page(page: &Page) -> AnyView {
    match page {
        Page::Chronology => view! { <ChronologyPage/> }.into_any(),
        Page::Print => view! { <ProfessionalPrintPage/> }.into_any(),
        Page::PrintFamily => view! { <FamilyPrintPage/> }.into_any(),
        Page::Genogram => view! { <GenogramPage/> }.into_any(),
        Page::Network => view! { <NetworkPage/> }.into_any(),
        Page::NetworkPresent => view! { <NetworkPresentPage/> }.into_any(),
        Page::ScalePresent(_) => view! { <PresentPage/> }.into_any(),
        Page::CaseRecord => view! { <super::pages::case_record::CaseRecordPage/> }.into_any(),
        Page::Tool(_) => view! { <super::child::tool_page::ToolPage/> }.into_any(),
        Page::ToolChild(_) => view! { <super::child::child_mode::ToolChildPage/> }.into_any(),
        Page::ToolDraw(..) => view! { <super::child::draw_page::ToolDrawPage/> }.into_any(),
        Page::SafetyPlanPresent => view! { <SafetyPlanPresentPage/> }.into_any(),
        Page::FamilyGroup => view! { <super::pages::family_group::FamilyGroupPage/> }.into_any(),
        Page::FamilyMeeting(_) => {
            view! { <super::pages::family_meeting::FamilyMeetingPage/> }.into_any()
        }
        Page::FamilyPlanPrint(_) => {
            view! { <super::pages::family_plan_print::FamilyPlanPrintPage/> }.into_any()
        }
        _ => view! { <NotFound/> }.into_any(),
    }
}
