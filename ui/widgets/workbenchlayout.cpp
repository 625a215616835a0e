#include "workbenchlayout.h"

#include <QDataStream>
#include <QEvent>
#include <QHBoxLayout>
#include <QIODevice>
#include <QScrollArea>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {

using Area = WorkbenchLayout::Area;

// The limits of the arrangement, one row per area: below its minimum a panel is not usable
// (a 60 px sidebar shows "Si" for a target's name), and the defaults share out the rest.
struct AreaRow
{
    Area area;
    int minimumWidth;
    int minimumHeight;
    const char *objectName;
};
constexpr AreaRow Areas[] = {
    {Area::Sidebar, 250, 200, "sidebar"},
    {Area::Request, 560, 220, "requestTabs"},
    {Area::Results, 560, 150, "resultTabs"},
};
// The sidebar's default width is this share of the window, within its minimum and this maximum;
// the request tabs get this share of the centre's height.
constexpr double SidebarShare = 0.2;
constexpr int SidebarMaximumWidth = 380;
constexpr double RequestShare = 0.65;

const AreaRow &row(Area area)
{
    return Areas[int(area)];
}

QTabWidget *makeTabs(Area area)
{
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QString::fromLatin1(row(area).objectName));
    tabs->setDocumentMode(true);
    tabs->setMinimumSize(row(area).minimumWidth, row(area).minimumHeight);
    return tabs;
}

// A sidebar page scrolls when the window is short; its area is kept wide enough for it
// (updateMinimumWidths) so that it never needs to scroll sideways.
QScrollArea *scrolling(QWidget *panel)
{
    auto *area = new QScrollArea;
    area->setObjectName(panel->objectName() + u"Scroll"_s);
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

// A centre panel fills its tab and scrolls only below its minimum size. QScrollArea's own
// resizing would take the preferred height of a panel with wrapped labels as its minimum, and
// scroll where the panel fits.
class PanelScrollArea final : public QScrollArea
{
public:
    explicit PanelScrollArea(QWidget *panel)
    {
        setObjectName(panel->objectName() + u"Scroll"_s);
        setFrameShape(QFrame::NoFrame);
        setWidget(panel);
        panel->installEventFilter(this);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QScrollArea::resizeEvent(event);
        fit();
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            fit();
        return QScrollArea::eventFilter(watched, event);
    }

private:
    void fit()
    {
        const QSize minimum = widget()->minimumSizeHint().expandedTo(widget()->minimumSize());
        widget()->resize(minimum.expandedTo(viewport()->size()));
    }
};

} // namespace

QByteArray LayoutState::toBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << Version << columns << rows << sidebarVisible << qint32(sidebarPage)
        << qint32(requestPage) << qint32(resultPage);
    return bytes;
}

std::optional<LayoutState> LayoutState::fromBytes(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    qint32 version = 0;
    in >> version;
    if (version != Version)
        return std::nullopt;
    LayoutState state;
    qint32 sidebarPage = 0, requestPage = 0, resultPage = 0;
    in >> state.columns >> state.rows >> state.sidebarVisible >> sidebarPage >> requestPage
        >> resultPage;
    if (in.status() != QDataStream::Ok || !in.atEnd() || state.columns.size() != 2
        || state.rows.size() != 2)
        return std::nullopt;
    state.sidebarPage = sidebarPage;
    state.requestPage = requestPage;
    state.resultPage = resultPage;
    return state;
}

bool operator==(const LayoutState &a, const LayoutState &b)
{
    return a.columns == b.columns && a.rows == b.rows && a.sidebarVisible == b.sidebarVisible
           && a.sidebarPage == b.sidebarPage && a.requestPage == b.requestPage
           && a.resultPage == b.resultPage;
}

WorkbenchLayout::WorkbenchLayout(QWidget *parent)
    : QWidget(parent)
    , m_sidebar(makeTabs(Area::Sidebar))
    , m_request(makeTabs(Area::Request))
    , m_results(makeTabs(Area::Results))
{
    m_sidebar->setTabBarAutoHide(true); // one page needs no tab bar
    m_rows = new QSplitter(Qt::Vertical);
    m_rows->setObjectName(u"centreSplitter"_s);
    m_rows->addWidget(m_request);
    m_rows->addWidget(m_results);
    m_rows->setStretchFactor(0, 3);
    m_rows->setStretchFactor(1, 2);
    m_columns = new QSplitter(Qt::Horizontal);
    m_columns->setObjectName(u"sidebarSplitter"_s);
    m_columns->addWidget(m_sidebar);
    m_columns->addWidget(m_rows);
    m_columns->setStretchFactor(0, 0); // a wider window widens the centre, not the sidebar
    m_columns->setStretchFactor(1, 1);
    for (QSplitter *splitter : {m_rows, m_columns})
        splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_columns);
}

WorkbenchLayout::~WorkbenchLayout() = default;

void WorkbenchLayout::addPanel(Area area, QWidget *panel, const QString &title)
{
    tabs(area)->addTab(area == Area::Sidebar ? scrolling(panel) : new PanelScrollArea(panel),
                       title);
    m_panels.append({area, panel});
    // Its minimum width may grow: with its contents (its own layout) or set on it (its parent's).
    panel->installEventFilter(this);
    panel->parentWidget()->installEventFilter(this);
    updateMinimumWidths();
}

// An area is as wide as its widest panel needs, so no panel ever scrolls sideways; heights are
// the rows' minimums, and a panel taller than its area scrolls vertically.
void WorkbenchLayout::updateMinimumWidths()
{
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    for (const AreaRow &areaRow : Areas) {
        int width = areaRow.minimumWidth;
        for (const auto &[area, panel] : std::as_const(m_panels)) {
            if (area == areaRow.area)
                width = qMax(width, panel->minimumSizeHint().expandedTo(panel->minimumSize()).width()
                                        + scrollBar + 2);
        }
        tabs(areaRow.area)->setMinimumWidth(width);
    }
}

bool WorkbenchLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LayoutRequest)
        updateMinimumWidths();
    return QWidget::eventFilter(watched, event);
}

void WorkbenchLayout::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_pending)
        applyPending();
}

void WorkbenchLayout::setPanelIcon(QWidget *panel, const QIcon &icon)
{
    for (QTabWidget *tabs : {m_sidebar, m_request, m_results}) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->isAncestorOf(panel))
                tabs->setTabIcon(i, icon);
        }
    }
}

void WorkbenchLayout::showPanel(QWidget *panel)
{
    for (QTabWidget *tabs : {m_sidebar, m_request, m_results}) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i) != panel && !tabs->widget(i)->isAncestorOf(panel))
                continue;
            tabs->setCurrentIndex(i);
            if (tabs == m_sidebar)
                setSidebarVisible(true);
            return;
        }
    }
}

QTabWidget *WorkbenchLayout::tabs(Area area) const
{
    switch (area) {
    case Area::Sidebar:
        return m_sidebar;
    case Area::Request:
        return m_request;
    case Area::Results:
        break;
    }
    return m_results;
}

QWidget *WorkbenchLayout::areaWidget(Area area) const
{
    return tabs(area);
}

QSize WorkbenchLayout::areaMinimumSize(Area area) const
{
    const QWidget *widget = areaWidget(area);
    return widget->minimumSize().expandedTo(widget->minimumSizeHint());
}

QWidget *WorkbenchLayout::panel(Area area, int index) const
{
    auto *page = qobject_cast<QScrollArea *>(tabs(area)->widget(index));
    return page ? page->widget() : nullptr;
}

bool WorkbenchLayout::isSidebarVisible() const
{
    return !m_sidebar->isHidden();
}

void WorkbenchLayout::setSidebarVisible(bool visible)
{
    if (visible == isSidebarVisible())
        return;
    m_sidebar->setVisible(visible);
    Q_EMIT sidebarVisibleChanged(visible);
}

LayoutState WorkbenchLayout::state() const
{
    LayoutState state;
    state.columns = m_columns->sizes();
    state.rows = m_rows->sizes();
    state.sidebarVisible = isSidebarVisible();
    state.sidebarPage = m_sidebar->currentIndex();
    state.requestPage = m_request->currentIndex();
    state.resultPage = m_results->currentIndex();
    return state;
}

LayoutState WorkbenchLayout::defaultState() const
{
    const int handle = m_columns->handleWidth();
    const int width = qMax(m_columns->width(), minimumSizeHint().width());
    const int sidebar = qBound(areaMinimumSize(Area::Sidebar).width(), int(width * SidebarShare),
                               qMax(SidebarMaximumWidth, areaMinimumSize(Area::Sidebar).width()));
    const int height = qMax(m_rows->height(), m_rows->minimumSizeHint().height()) - handle;
    const int results = qMax(areaMinimumSize(Area::Results).height(),
                             height - int(height * RequestShare));
    LayoutState state;
    state.columns = {sidebar, qMax(0, width - sidebar - handle)};
    state.rows = {qMax(0, height - results), results};
    return state;
}

bool WorkbenchLayout::fits(const LayoutState &state) const
{
    const QSize sidebar = areaMinimumSize(Area::Sidebar);
    const int centre = qMax(areaMinimumSize(Area::Request).width(),
                            areaMinimumSize(Area::Results).width());
    return (!state.sidebarVisible || state.columns.at(0) >= sidebar.width())
           && state.columns.at(1) >= centre
           && state.rows.at(0) >= areaMinimumSize(Area::Request).height()
           && state.rows.at(1) >= areaMinimumSize(Area::Results).height();
}

bool WorkbenchLayout::restoreState(const std::optional<LayoutState> &state)
{
    const bool usable = state && fits(*state);
    m_pending = Pending {usable ? state : std::nullopt};
    if (isVisible())
        applyPending();
    return usable;
}

void WorkbenchLayout::resetLayout()
{
    m_pending = Pending {};
    if (isVisible())
        applyPending();
}

// Sizes are applied once the splitters have their real size, so the defaults fit the window.
void WorkbenchLayout::applyPending()
{
    const Pending pending = *m_pending;
    m_pending.reset();
    applyState(pending.state ? *pending.state : defaultState());
}

void WorkbenchLayout::applyState(const LayoutState &state)
{
    setSidebarVisible(state.sidebarVisible);
    m_columns->setSizes(state.columns);
    m_rows->setSizes(state.rows);
    m_sidebar->setCurrentIndex(qBound(0, state.sidebarPage, m_sidebar->count() - 1));
    m_request->setCurrentIndex(qBound(0, state.requestPage, m_request->count() - 1));
    m_results->setCurrentIndex(qBound(0, state.resultPage, m_results->count() - 1));
}

} // namespace SentryUi
