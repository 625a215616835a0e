#pragma once

// History › Show Exchange: asks for an exchange id, offering the most recent ones of the history
// (newest first) to pick from; an id can be typed as "12" or "#12".

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;

namespace Sentry {
class History;
}

namespace SentryUi {

class ExchangeIdDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeIdDialog)

public:
    static constexpr int RecentCount = 30;

    explicit ExchangeIdDialog(const Sentry::History *history, QWidget *parent = nullptr);

    std::optional<qint64> exchangeId() const; // what is picked or typed; nullopt when not an id
    void setText(const QString &text);
    int recentCount() const; // how many recent exchanges are offered

    static std::optional<qint64> parseId(const QString &text); // "12", "#12", "#12 in POST …"

    void accept() override; // refuses text that is not an id, saying so

private:
    QComboBox *m_ids = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace SentryUi
