//! The emulator's built-in templates: a few function templates (ListFunctionTemplate,
//! ShowFunctionTemplate) and application templates (ListAppTemplates,
//! ShowAppTemplate), each application template describing the functions
//! CreateFunctionApp makes from it.

/// A function template.
#[derive(Debug)]
pub(crate) struct FunctionTemplate {
    pub id: &'static str,
    pub template_name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub runtime: &'static str,
    pub handler: &'static str,
    pub memory_size: i64,
    pub timeout: i64,
    pub scene: &'static str,
    pub service: &'static str,
    pub code: &'static str,
    /// `(trigger_type, trigger_name, event_type)` of the triggers it comes with.
    pub triggers: &'static [(&'static str, &'static str, &'static str)],
    pub input: &'static str,
    pub output: &'static str,
}

/// The function templates, in listing order (all public).
pub(crate) const FUNCTION_TEMPLATES: &[FunctionTemplate] = &[
    FunctionTemplate {
        id: "5f1a6c3e-0b7d-4c2a-9e51-7a3d2c1b0e01",
        template_name: "hello-world-python",
        title: "hello-world",
        description: "Returns a greeting for the event's name.",
        runtime: "Python3.9",
        handler: "index.handler",
        memory_size: 128,
        timeout: 3,
        scene: "basic_function_usage",
        service: "FunctionGraph",
        code: "def handler(event, context):\n    return {'greeting': 'hello ' + event.get('name', 'world')}\n",
        triggers: &[],
        input: "{\"name\": \"fgs\"}",
        output: "{\"greeting\": \"hello fgs\"}",
    },
    FunctionTemplate {
        id: "5f1a6c3e-0b7d-4c2a-9e51-7a3d2c1b0e02",
        template_name: "http-echo-nodejs",
        title: "http-echo",
        description: "Answers an API Gateway request with its own body.",
        runtime: "Node.js18.15",
        handler: "index.handler",
        memory_size: 256,
        timeout: 10,
        scene: "http_api",
        service: "APIG",
        code: "exports.handler = async (event) => ({statusCode: 200, body: event.body});\n",
        triggers: &[("APIG", "triggerApigMessage", "")],
        input: "an API Gateway event",
        output: "the request body",
    },
    FunctionTemplate {
        id: "5f1a6c3e-0b7d-4c2a-9e51-7a3d2c1b0e03",
        template_name: "timer-cleanup-python",
        title: "timer-cleanup",
        description: "Runs on a schedule and logs what it would clean up.",
        runtime: "Python3.9",
        handler: "index.handler",
        memory_size: 128,
        timeout: 30,
        scene: "scheduled_task",
        service: "FunctionGraph",
        code: "def handler(event, context):\n    context.getLogger().info('cleanup')\n    return 'ok'\n",
        triggers: &[("TIMER", "every-hour", "Rate")],
        input: "a timer event",
        output: "ok",
    },
];

/// A function an application template creates: `{application name}-{suffix}`.
#[derive(Debug)]
pub(crate) struct AppFunction {
    pub suffix: &'static str,
    pub runtime: &'static str,
    pub handler: &'static str,
    pub memory_size: i64,
    pub timeout: i64,
    pub code: &'static str,
}

/// An application template.
#[derive(Debug)]
pub(crate) struct AppTemplate {
    pub id: &'static str,
    pub name: &'static str,
    pub category: &'static str,
    pub runtime: &'static str,
    /// English and Chinese (`X-Language: zh-cn`) descriptions.
    pub description: (&'static str, &'static str),
    pub guide: &'static str,
    pub functions: &'static [AppFunction],
    /// Epoch milliseconds.
    pub created_ms: i64,
    pub version: i64,
}

const ECHO_PY: &str = "def handler(event, context):\n    return event\n";

/// The application templates, in listing order.
pub(crate) const APP_TEMPLATES: &[AppTemplate] = &[
    AppTemplate {
        id: "8c2d1e4f-3a5b-4c6d-8e7f-9a0b1c2d3e01",
        name: "http-api-with-worker",
        category: "web",
        runtime: "Python3.9",
        description: (
            "An HTTP API function and a worker function it hands jobs to.",
            "一个 HTTP API 函数和一个处理任务的 worker 函数。",
        ),
        guide: "Create the application, then invoke {name}-api; it passes jobs to {name}-worker.",
        functions: &[
            AppFunction {
                suffix: "api",
                runtime: "Python3.9",
                handler: "index.handler",
                memory_size: 256,
                timeout: 10,
                code: ECHO_PY,
            },
            AppFunction {
                suffix: "worker",
                runtime: "Python3.9",
                handler: "index.handler",
                memory_size: 512,
                timeout: 60,
                code: ECHO_PY,
            },
        ],
        created_ms: 1_699_328_406_899,
        version: 20_231_103,
    },
    AppTemplate {
        id: "8c2d1e4f-3a5b-4c6d-8e7f-9a0b1c2d3e02",
        name: "image-thumbnail",
        category: "media",
        runtime: "Node.js18.15",
        description: (
            "Makes thumbnails of uploaded images.",
            "为上传的图片生成缩略图。",
        ),
        guide: "Create the application, then invoke {name}-thumbnail with an image URL.",
        functions: &[AppFunction {
            suffix: "thumbnail",
            runtime: "Node.js18.15",
            handler: "index.handler",
            memory_size: 1024,
            timeout: 30,
            code: "exports.handler = async (event) => event;\n",
        }],
        created_ms: 1_699_328_406_899,
        version: 20_231_103,
    },
];

/// The function template `id`.
pub(crate) fn function_template(id: &str) -> Option<&'static FunctionTemplate> {
    FUNCTION_TEMPLATES.iter().find(|t| t.id == id)
}

/// The application template `id`.
pub(crate) fn app_template(id: &str) -> Option<&'static AppTemplate> {
    APP_TEMPLATES.iter().find(|t| t.id == id)
}
