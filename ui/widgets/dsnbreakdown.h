#pragma once

// A DSN taken apart: one read-only row per part (scheme, keys, host, port, path, project, store
// URL), each with its findings spelled out under it — errors and warnings alike, wrapped to the
// width of the panel — and a one-line summary on top. Shows; never edits or judges.

#include "dsn.h"

#include <QWidget>

#include <array>

class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace SentryUi {

class DsnBreakdown final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DsnBreakdown)

public:
    // The rows, top to bottom.
    enum class Part { Scheme, Transport, PublicKey, Secret, Host, Port, Path, Project, StoreUrl };
    static constexpr int PartCount = 9;

    explicit DsnBreakdown(QWidget *parent = nullptr);

    void setDsn(const Sentry::Dsn &dsn);
    bool isSecretShown() const;
    void setSecretShown(bool shown);

    QString partText(Part part) const;
    Sentry::Findings partFindings(Part part) const;
    Sentry::Findings otherFindings() const; // findings about no single part
    QString summaryText() const;

    // Long unbreakable runs (a garbage DSN quoted in a message) get break opportunities, so a
    // label wraps instead of widening the panel.
    static QString wrappable(const QString &text);

Q_SIGNALS:
    void secretShownChanged(bool shown);

private:
    struct Row
    {
        QLineEdit *value = nullptr;
        QLabel *status = nullptr;
        QLabel *message = nullptr; // the findings, spelled out under the row
    };

    void addRow(QGridLayout *grid, Part part);
    void update();
    void showPart(Part part, const QString &text);
    QString portText() const;
    void updateSummary();

    std::array<Row, PartCount> m_rows {};
    QLabel *m_summary = nullptr;
    QLabel *m_other = nullptr;
    QToolButton *m_showSecret = nullptr;
    Sentry::Dsn m_dsn;
};

} // namespace SentryUi
