#include "SimSeedData.h"

#include <QFile>
#include <QtGlobal>

namespace hlc::sim {

QByteArray seedData(const QString& name)
{
    QFile file(QStringLiteral(":/sim/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The simulator's seed data %s is not embedded: %s", qPrintable(file.fileName()),
               qPrintable(file.errorString()));
    return file.readAll();
}

} // namespace hlc::sim
