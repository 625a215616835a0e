#pragma once

// The history list: every exchange sent and received, newest first, above it a filter bar (text,
// direction, level, status, client, project, time; the text filter waits for a pause in typing).
// Selecting a row or activating it (double-click, Enter) says which exchange, by id, for a detail
// view or a replay to show it.

#include "history.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTableView;

namespace SentryUi {

class HistoryModel;

class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    static constexpr int TextDebounceMs = 250;

    explicit HistoryPanel(QWidget *parent = nullptr);
    ~HistoryPanel() override;

    void open(const QString &path); // the history database to list
    void checkForNew();             // an exchange was stored: read it now, not at the next poll
    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    qint64 currentExchangeId() const; // 0: none selected
    Sentry::HistoryQuery filterFromBar() const;

Q_SIGNALS:
    void currentExchangeChanged(qint64 id);
    void exchangeActivated(qint64 id);

private:
    QWidget *createFilterBar();
    QComboBox *addChoice(const QString &name, const QList<std::pair<QString, QVariant>> &choices);
    void applyFilter();
    void showCount();

    HistoryModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_text = nullptr;
    QComboBox *m_direction = nullptr;
    QComboBox *m_level = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_client = nullptr;
    QLineEdit *m_project = nullptr;
    QComboBox *m_since = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace SentryUi
