<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>hlc::AdGuardMonitor</name>
    <message numerus="yes">
        <source>for %n hour(s)</source>
        <translation>
            <numerusform>for %n hour</numerusform>
            <numerusform>for %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n minute(s)</source>
        <translation>
            <numerusform>for %n minute</numerusform>
            <numerusform>for %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n second(s)</source>
        <translation>
            <numerusform>for %n second</numerusform>
            <numerusform>for %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardView</name>
    <message numerus="yes">
        <source>%1 in %n enabled list(s)</source>
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
        <source>%n alert(s) changed</source>
        <translation>
            <numerusform>%n alert changed</numerusform>
            <numerusform>%n alerts changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ConnectionTester</name>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n environment(s)</source>
        <translation>
            <numerusform>%n environment</numerusform>
            <numerusform>%n environments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stack(s)</source>
        <translation>
            <numerusform>%n stack</numerusform>
            <numerusform>%n stacks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n target(s) up</source>
        <translation>
            <numerusform>%1 of %n target up</numerusform>
            <numerusform>%1 of %n targets up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loaded, %n model(s) available</source>
        <translation>
            <numerusform>%1 loaded, %n model available</numerusform>
            <numerusform>%1 loaded, %n models available</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n agent</numerusform>
            <numerusform>%n agents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ContainerLogDialog</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::GpuLlmTab</name>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HealthProber</name>
    <message numerus="yes">
        <source>%1: %n service(s) down (%2)</source>
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
    <name>hlc::HostHomeSummary</name>
    <message numerus="yes">
        <source>Services: all %n answering</source>
        <translation>
            <numerusform>Services: %n answering</numerusform>
            <numerusform>Services: all %n answering</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Services: %n down (%1)</source>
        <translation>
            <numerusform>Services: %n down (%1)</numerusform>
            <numerusform>Services: %n down (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HostPanel</name>
    <message numerus="yes">
        <source>%1 of %n CPU(s)</source>
        <translation>
            <numerusform>%1 of %n CPU</numerusform>
            <numerusform>%1 of %n CPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HostSettingsPage</name>
    <message numerus="yes">
        <source>Remove the host %1 and its %n service(s)? Their secrets are deleted from the keychain when you press OK.</source>
        <translation>
            <numerusform>Remove the host %1 and its %n service? Their secrets are deleted from the keychain when you press OK.</numerusform>
            <numerusform>Remove the host %1 and its %n services? Their secrets are deleted from the keychain when you press OK.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ServicesHealthView</name>
    <message numerus="yes">
        <source>%n service(s), all answering</source>
        <translation>
            <numerusform>%n service, all answering</numerusform>
            <numerusform>%n services, all answering</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 service(s) down</source>
        <translation>
            <numerusform>%n of %1 service down</numerusform>
            <numerusform>%n of %1 services down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::TrayIcon</name>
    <message numerus="yes">
        <source>Homelab Control Center: %n firing alert(s), worst: %1</source>
        <translation>
            <numerusform>Homelab Control Center: %n firing alert, worst: %1</numerusform>
            <numerusform>Homelab Control Center: %n firing alerts, worst: %1</numerusform>
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
