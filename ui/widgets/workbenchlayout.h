#pragma once

// The workbench's arrangement, laptop first (1366×768): a sidebar of pages (targets now; the
// receiver and the history slot in as further pages) beside the centre, where the request tabs
// (the event, the request preview; replay later) sit above the result tabs (validation, response;
// a timeline later), as request tools lay it out. Splitters never shrink a panel below its
// minimum, and a saved arrangement that would is discarded when it is restored.
//
//   auto *layout = new WorkbenchLayout;
//   layout->addPanel(WorkbenchLayout::Area::Sidebar, targetPanel, tr("Targets"));
//   if (!layout->restoreState(LayoutState::fromBytes(saved)))
//       ...; // the defaults are in use

#include <QByteArray>
#include <QList>
#include <QWidget>

#include <optional>

class QIcon;
class QSplitter;
class QTabWidget;

namespace SentryUi {

// The arrangement as it is saved: plain values, so that a broken one is recognised before use.
struct LayoutState
{
    static constexpr qint32 Version = 1;

    QList<int> columns; // sidebar width, centre width
    QList<int> rows; // request tabs height, result tabs height
    bool sidebarVisible = true;
    int sidebarPage = 0;
    int requestPage = 0;
    int resultPage = 0;

    QByteArray toBytes() const;
    static std::optional<LayoutState> fromBytes(const QByteArray &bytes); // nullopt: not ours
    friend bool operator==(const LayoutState &a, const LayoutState &b);
};

class WorkbenchLayout final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkbenchLayout)

public:
    enum class Area { Sidebar, Request, Results };
    Q_ENUM(Area)

    explicit WorkbenchLayout(QWidget *parent = nullptr);
    ~WorkbenchLayout() override;

    // Adds a panel as a tab of an area. A panel scrolls vertically when the window is too short
    // for it; its area is never narrower than it needs, so it never scrolls sideways.
    void addPanel(Area area, QWidget *panel, const QString &title);
    QWidget *panel(Area area, int index) const; // the panel of a tab
    void showPanel(QWidget *panel); // its tab to the front, the sidebar shown if it is there
    void setPanelIcon(QWidget *panel, const QIcon &icon); // on its tab
    QTabWidget *tabs(Area area) const;
    QWidget *areaWidget(Area area) const; // what the splitters size
    QSize areaMinimumSize(Area area) const; // the row below, or more when a panel needs it

    bool isSidebarVisible() const;
    void setSidebarVisible(bool visible);

    LayoutState state() const;
    // False when the state is missing, not ours, or would leave an area below its minimum:
    // then the default arrangement is used instead. Either is applied at once when shown, else
    // when first shown (the defaults depend on the size).
    bool restoreState(const std::optional<LayoutState> &state);
    void resetLayout(); // the default arrangement for the current size
    LayoutState defaultState() const;

Q_SIGNALS:
    void sidebarVisibleChanged(bool visible);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Pending
    {
        std::optional<LayoutState> state; // nullopt: the defaults
    };

    void applyPending();
    void applyState(const LayoutState &state);
    bool fits(const LayoutState &state) const;
    void updateMinimumWidths();

    QSplitter *m_columns = nullptr;
    QSplitter *m_rows = nullptr;
    QTabWidget *m_sidebar = nullptr;
    QTabWidget *m_request = nullptr;
    QTabWidget *m_results = nullptr;
    QList<std::pair<Area, QWidget *>> m_panels;
    std::optional<Pending> m_pending = Pending {}; // the defaults, unless a state is restored
};

} // namespace SentryUi
