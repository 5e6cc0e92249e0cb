//! Open enumerations: known values are variants, anything else is kept in `Other`.

use super::macros::open_enum;

open_enum! {
    /// A function runtime. The list grows per region; unknown values are
    /// kept in `Other`.
    pub enum Runtime {
        Java8 = "Java8",
        Java11 = "Java11",
        Java17 = "Java17",
        Python27 = "Python2.7",
        Python36 = "Python3.6",
        Python39 = "Python3.9",
        Python310 = "Python3.10",
        Go18 = "Go1.8",
        Go1x = "Go1.x",
        NodeJs610 = "Node.js6.10",
        NodeJs810 = "Node.js8.10",
        NodeJs1016 = "Node.js10.16",
        NodeJs1213 = "Node.js12.13",
        NodeJs1418 = "Node.js14.18",
        NodeJs1617 = "Node.js16.17",
        NodeJs1815 = "Node.js18.15",
        DotNetCore20 = "C#(.NET Core 2.0)",
        DotNetCore21 = "C#(.NET Core 2.1)",
        DotNetCore31 = "C#(.NET Core 3.1)",
        DotNetCore60 = "C#(.NET Core 6.0)",
        Custom = "Custom",
        Php73 = "PHP7.3",
        Php83 = "PHP8.3",
        Cangjie10 = "Cangjie1.0",
        Http = "http",
        CustomImage = "Custom Image",
    }
}

open_enum! {
    /// How the function code is supplied.
    pub enum CodeType {
        /// Source (or a small zip) inline in `func_code.file`.
        Inline = "inline",
        /// A zip archive in `func_code.file`.
        Zip = "zip",
        /// A package in OBS at `code_url`.
        Obs = "obs",
        /// A jar in `func_code.file`.
        Jar = "jar",
        /// A container image from SWR (`custom_image`).
        CustomImageSwr = "Custom-Image-Swr",
    }
}

open_enum! {
    /// The function generation.
    pub enum FunctionType {
        /// First-generation function.
        V1 = "v1",
        /// Second-generation function.
        V2 = "v2",
    }
}

open_enum! {
    /// A trigger type code.
    pub enum TriggerType {
        Timer = "TIMER",
        Apig = "APIG",
        Cts = "CTS",
        Dds = "DDS",
        Dms = "DMS",
        Dis = "DIS",
        Lts = "LTS",
        Obs = "OBS",
        Smn = "SMN",
        Kafka = "KAFKA",
        RabbitMq = "RABBITMQ",
        DedicatedGateway = "DEDICATEDGATEWAY",
        OpenSourceKafka = "OPENSOURCEKAFKA",
        Apic = "APIC",
        GaussMongo = "GAUSSMONGO",
        EventGrid = "EVENTGRID",
        IoTda = "IOTDA",
    }
}

open_enum! {
    /// Whether a trigger fires.
    pub enum TriggerStatus {
        Active = "ACTIVE",
        Disabled = "DISABLED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        let r: Runtime = serde_json::from_str("\"Python3.9\"").unwrap();
        assert_eq!(r, Runtime::Python39);
        let other: Runtime = serde_json::from_str("\"Rust1.0\"").unwrap();
        assert_eq!(other, Runtime::Other("Rust1.0".into()));
        assert_eq!(serde_json::to_string(&other).unwrap(), "\"Rust1.0\"");
        assert_eq!(Runtime::from("C#(.NET Core 6.0)"), Runtime::DotNetCore60);
        assert_eq!(Runtime::DotNetCore60.to_string(), "C#(.NET Core 6.0)");
        assert_eq!(TriggerType::from("TIMER".to_string()), TriggerType::Timer);
        assert!(serde_json::from_str::<Runtime>("1").is_err());
        // An escaped string still decodes.
        let esc: CodeType = serde_json::from_str("\"zi\\u0070\"").unwrap();
        assert_eq!(esc, CodeType::Zip);
    }
}
