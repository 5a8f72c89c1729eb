<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>hlc::AdGuardMonitor</name>
    <message numerus="yes">
        <source>for %n hours</source>
        <translation>
            <numerusform>for %n hour</numerusform>
            <numerusform>for %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n minutes</source>
        <translation>
            <numerusform>for %n minute</numerusform>
            <numerusform>for %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n seconds</source>
        <translation>
            <numerusform>for %n second</numerusform>
            <numerusform>for %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardView</name>
    <message numerus="yes">
        <source>– (AdGuard Home counts %1 blocked of %Ln queries)</source>
        <translation>
            <numerusform>– (AdGuard Home counts %1 blocked of %Ln query)</numerusform>
            <numerusform>– (AdGuard Home counts %1 blocked of %Ln queries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n enabled lists</source>
        <translation>
            <numerusform>%1 in %n enabled list</numerusform>
            <numerusform>%1 in %n enabled lists</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AgentRunner</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AgentsTab</name>
    <message numerus="yes">
        <source>

*%n tokens (%1 prompt, %2 completion)%3*
</source>
        <translation>
            <numerusform>

*%n token (%1 prompt, %2 completion)%3*
</numerusform>
            <numerusform>

*%n tokens (%1 prompt, %2 completion)%3*
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AlertCenter</name>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts changed</source>
        <translation>
            <numerusform>%n alert changed</numerusform>
            <numerusform>%n alerts changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AlertInbox</name>
    <message numerus="yes">
        <source>Inbox: %n need attention</source>
        <translation>
            <numerusform>Inbox: %n needs attention</numerusform>
            <numerusform>Inbox: %n need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledged</source>
        <translation>
            <numerusform>%n acknowledged</numerusform>
            <numerusform>%n acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n snoozed</source>
        <translation>
            <numerusform>%n snoozed</numerusform>
            <numerusform>%n snoozed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suppressed</source>
        <translation>
            <numerusform>%n suppressed</numerusform>
            <numerusform>%n suppressed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held</source>
        <translation>
            <numerusform>%n held</numerusform>
            <numerusform>%n held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Maintenance of %1 ended: %n notifications held</source>
        <translation>
            <numerusform>Maintenance of %1 ended: %n notification held</numerusform>
            <numerusform>Maintenance of %1 ended: %n notifications held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 on %2 expires in %n days</source>
        <translation>
            <numerusform>The certificate of %1 on %2 expires in %n day</numerusform>
            <numerusform>The certificate of %1 on %2 expires in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ApiClient</name>
    <message numerus="yes">
        <source>%1 asked for a pause (HTTP 429, Retry-After): the next request goes out in %n s.</source>
        <translation>
            <numerusform>%1 asked for a pause (HTTP 429, Retry-After): the next request goes out in %n s.</numerusform>
            <numerusform>%1 asked for a pause (HTTP 429, Retry-After): the next request goes out in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is rate limiting requests (HTTP 429): the app waits %n s, as it asked (Retry-After), before asking again.</source>
        <translation>
            <numerusform>%1 is rate limiting requests (HTTP 429): the app waits %n s, as it asked (Retry-After), before asking again.</numerusform>
            <numerusform>%1 is rate limiting requests (HTTP 429): the app waits %n s, as it asked (Retry-After), before asking again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AttentionStrip</name>
    <message numerus="yes">
        <source>%n alerts firing below critical</source>
        <translation>
            <numerusform>%n alert firing below critical</numerusform>
            <numerusform>%n alerts firing below critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hosts</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guests</source>
        <translation>
            <numerusform>%n guest</numerusform>
            <numerusform>%n guests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ConnectionTester</name>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n environments</source>
        <translation>
            <numerusform>%n environment</numerusform>
            <numerusform>%n environments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stacks</source>
        <translation>
            <numerusform>%n stack</numerusform>
            <numerusform>%n stacks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n targets up</source>
        <translation>
            <numerusform>%1 of %n target up</numerusform>
            <numerusform>%1 of %n targets up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loaded, %n models available</source>
        <translation>
            <numerusform>%1 loaded, %n model available</numerusform>
            <numerusform>%1 loaded, %n models available</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents</source>
        <translation>
            <numerusform>%n agent</numerusform>
            <numerusform>%n agents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ContainerLogDialog</name>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::GpuLlmTab</name>
    <message numerus="yes">
        <source>%n models</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::GuestsView</name>
    <message numerus="yes">
        <source>Cluster %1: %2 · %3 of %n nodes online</source>
        <translation>
            <numerusform>Cluster %1: %2 · %3 of %n node online</numerusform>
            <numerusform>Cluster %1: %2 · %3 of %n nodes online</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HealthProber</name>
    <message numerus="yes">
        <source>%1: %n services down (%2)</source>
        <translation>
            <numerusform>%1: %n service down (%2)</numerusform>
            <numerusform>%1: %n services down (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HomeAssistantView</name>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HostCard</name>
    <message numerus="yes">
        <source>%n CPUs</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln queries</source>
        <translation>
            <numerusform>%Ln query</numerusform>
            <numerusform>%Ln queries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HostSettingsPage</name>
    <message numerus="yes">
        <source>Remove the host %1 and its %n services? Their secrets are deleted from the keychain when you press OK.</source>
        <translation>
            <numerusform>Remove the host %1 and its %n service? Its secret is deleted from the keychain when you press OK.</numerusform>
            <numerusform>Remove the host %1 and its %n services? Their secrets are deleted from the keychain when you press OK.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::LlmMonitor</name>
    <message numerus="yes">
        <source>%1: %2 tokens/s (%n tokens in %3 s, load %4 s)</source>
        <translation>
            <numerusform>%1: %2 tokens/s (%n token in %3 s, load %4 s)</numerusform>
            <numerusform>%1: %2 tokens/s (%n tokens in %3 s, load %4 s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::MainWindow</name>
    <message numerus="yes">
        <source>%n secrets wait to be stored; they are lost if you quit before the unlock.</source>
        <translation>
            <numerusform>%n secret waits to be stored; it is lost if you quit before the unlock.</numerusform>
            <numerusform>%n secrets wait to be stored; they are lost if you quit before the unlock.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::MaintenanceManager</name>
    <message numerus="yes">
        <source>%n notifications were held: </source>
        <translation>
            <numerusform>%n notification was held: </numerusform>
            <numerusform>%n notifications were held: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::MaintenanceSettingsPage</name>
    <message numerus="yes">
        <source>%n automation</source>
        <translation>
            <numerusform>%n automation</numerusform>
            <numerusform>%n automations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ServiceSetupPage</name>
    <message numerus="yes">
        <source>Found %n jobs</source>
        <translation>
            <numerusform>Found %n job</numerusform>
            <numerusform>Found %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrape targets: pick the one of this host.</source>
        <translation>
            <numerusform>%n scrape target: pick the one of this host.</numerusform>
            <numerusform>%n scrape targets: pick the one of this host.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ServicesHealthView</name>
    <message numerus="yes">
        <source>%1 of %n services down</source>
        <translation>
            <numerusform>%1 of %n service down</numerusform>
            <numerusform>%1 of %n services down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n services, all answering</source>
        <translation>
            <numerusform>%n service, all answering</numerusform>
            <numerusform>%n services, all answering</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n services answering, but not every API works</source>
        <translation>
            <numerusform>%n service answering, but not every API works</numerusform>
            <numerusform>%n services answering, but not every API works</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::StacksView</name>
    <message numerus="yes">
        <source>%1 of %n stacks active; containers: %2 running, %3 stopped</source>
        <translation>
            <numerusform>%1 of %n stack active; containers: %2 running, %3 stopped</numerusform>
            <numerusform>%1 of %n stacks active; containers: %2 running, %3 stopped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::TrayIcon</name>
    <message numerus="yes">
        <source>Homelab Control Center: %n firing alerts, worst: %1</source>
        <translation>
            <numerusform>Homelab Control Center: %n firing alert, worst: %1</numerusform>
            <numerusform>Homelab Control Center: %n firing alerts, worst: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more in the window</source>
        <translation>
            <numerusform>…and %n more in the window</numerusform>
            <numerusform>…and %n more in the window</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::format</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
</TS>
