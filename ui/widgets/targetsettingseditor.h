#pragma once

// The request settings of a target: its timeout (over the DSN's ?timeout=), sentry_client, body
// encoding and extra headers. Shows a target's values and reports edits; the target panel keeps
// them as the target's draft.

#include "dsn.h"
#include "settings.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace SentryUi {

class HeadersModel;

class TargetSettingsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetSettingsEditor)

public:
    explicit TargetSettingsEditor(QWidget *parent = nullptr);

    // Shows the target's settings (without emitting edited()); the DSN only names its timeout.
    void setTarget(const Target &target);
    void setDsn(const Sentry::Dsn &dsn);
    Target applyTo(Target target) const; // the target with the editor's settings

    HeadersModel *headersModel() const { return m_headers; }
    QString timeoutText() const; // "7 s, from the DSN's ?timeout=7", …
    QString problemsText() const;

Q_SIGNALS:
    void edited();

private:
    QWidget *buildHeaders();
    void updateHints();

    QDoubleSpinBox *m_timeout = nullptr;
    QLabel *m_timeoutHint = nullptr;
    QLineEdit *m_client = nullptr;
    QComboBox *m_encoding = nullptr;
    QTableView *m_headerView = nullptr;
    HeadersModel *m_headers = nullptr;
    QLabel *m_problems = nullptr;
    Sentry::Dsn m_dsn;
    bool m_loading = false; // setTarget() is filling the fields
};

} // namespace SentryUi
