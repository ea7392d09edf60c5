namespace CredentialSite.Sample;

/// <summary>The word lists the sample generator composes names and prose from.</summary>
internal static class SampleWords
{
    public sealed record ClusterInfo(
        string Name,
        string Code,
        string Outcome,
        string Owner,
        string[] Topics,
        string[] Impact,
        (string Code, string Name)[] Occupations);

    /// <summary>Competency clusters, each with its topics (competency names) and typical business impact.</summary>
    public static readonly ClusterInfo[] Clusters =
    [
        new("Technical Craft", "CRF", "ships software that is correct, readable and cheap to change", "Principal Engineers Guild",
            ["Code Quality", "Testing Strategy", "API Design", "Refactoring", "Code Review", "Performance Engineering", "Accessibility",
             "Dependency Management", "Domain Modeling", "Concurrency", "Error Handling", "Frontend Architecture", "Mobile Development", "Developer Tooling"],
            ["quality", "efficiency", "customer-trust"],
            [("15-1252.00", "Software Developers"), ("15-1253.00", "Software Quality Assurance Analysts and Testers"), ("15-1254.00", "Web Developers")]),
        new("Systems & Architecture", "ARC", "builds systems that meet scale, cost and reliability targets", "Architecture Review Board",
            ["System Design", "Data Modeling", "Cloud Infrastructure", "Distributed Systems", "Event-Driven Architecture", "Caching Strategy",
             "Capacity Planning", "Service Mesh Operations", "Storage Engines", "Network Design", "Identity and Access", "Cost Engineering",
             "Migration Planning", "Multi-Region Design"],
            ["efficiency", "risk-reduction", "quality", "growth"],
            [("15-1299.08", "Computer Systems Engineers/Architects"), ("15-1241.00", "Computer Network Architects"), ("15-1243.00", "Database Architects")]),
        new("Delivery & Operations", "OPS", "delivers changes safely and recovers quickly when things break", "Platform Engineering",
            ["Continuous Delivery", "Observability", "Incident Response", "Distributed Tracing", "Release Engineering", "On-Call Practice",
             "Infrastructure as Code", "Chaos Engineering", "SLO Management", "Configuration Management", "Build Systems",
             "Container Orchestration", "Runbook Automation", "Change Management"],
            ["risk-reduction", "efficiency", "customer-trust"],
            [("15-1244.00", "Network and Computer Systems Administrators"), ("15-1299.08", "Computer Systems Engineers/Architects"), ("15-1252.00", "Software Developers")]),
        new("Data & Analytics", "DAT", "turns data into trustworthy decisions", "Data Office",
            ["Data Pipelines", "Analytics Engineering", "Data Quality", "Experimentation", "Machine Learning Operations", "Data Governance",
             "Stream Processing", "Data Visualization", "Feature Engineering", "Privacy Engineering", "Statistical Analysis", "Forecasting",
             "Semantic Layers", "Data Contracts"],
            ["growth", "revenue", "quality", "compliance"],
            [("15-2051.00", "Data Scientists"), ("15-1243.00", "Database Architects"), ("15-2041.00", "Statisticians")]),
        new("Leadership", "LDR", "grows people and makes sound decisions under uncertainty", "Talent Development",
            ["Decision Quality", "Mentoring", "Technical Strategy", "Stakeholder Influence", "Coaching", "Hiring and Interviewing", "Team Health",
             "Conflict Resolution", "Roadmapping", "Delegation", "Organizational Design", "Change Leadership", "Inclusive Leadership",
             "Feedback Culture"],
            ["growth", "efficiency", "quality"],
            [("11-3021.00", "Computer and Information Systems Managers"), ("11-1021.00", "General and Operations Managers"), ("13-1151.00", "Training and Development Specialists")]),
        new("Communication", "COM", "shares knowledge clearly with every audience", "Talent Development",
            ["Technical Writing", "Facilitation", "Presentation Skills", "Documentation Systems", "Storytelling with Data", "Negotiation",
             "Written Proposals", "Knowledge Sharing", "Cross-Team Alignment", "Active Listening", "Meeting Design", "Executive Communication",
             "Developer Advocacy", "Plain Language"],
            ["efficiency", "customer-trust", "growth"],
            [("27-3042.00", "Technical Writers"), ("13-1151.00", "Training and Development Specialists"), ("27-3031.00", "Public Relations Specialists")]),
        new("Client & Business", "BIZ", "creates measurable value for clients and the business", "Consulting Practice",
            ["Client Discovery", "Engagement Management", "Product Thinking", "Requirements Analysis", "Business Case Development",
             "Pricing and Estimation", "Vendor Management", "Risk Management", "Customer Empathy", "Commercial Awareness", "Account Growth",
             "Service Design", "Contract Delivery", "Value Measurement"],
            ["revenue", "customer-trust", "growth"],
            [("13-1111.00", "Management Analysts"), ("15-1211.00", "Computer Systems Analysts"), ("15-1299.09", "Information Technology Project Managers")]),
        new("Security & Compliance", "SEC", "protects systems, data and customers' trust", "Security Office",
            ["Threat Modeling", "Secure Architecture", "Vulnerability Management", "Compliance Engineering", "Incident Forensics",
             "Applied Cryptography", "Supply Chain Security", "Security Testing", "Cloud Security", "Data Protection", "Audit Readiness",
             "Access Governance", "Secrets Management", "Secure Coding"],
            ["risk-reduction", "compliance", "customer-trust"],
            [("15-1212.00", "Information Security Analysts"), ("15-1299.05", "Information Security Engineers"), ("13-1041.00", "Compliance Officers")]),
    ];

    /// <summary>Qualifiers that make more competencies from the same topics once the plain topics run out.</summary>
    public static readonly string[] Facets =
    [
        "Applied", "Advanced", "Strategic", "Platform", "Enterprise", "Regulated", "Large-Scale", "Real-Time", "Embedded", "Open Source",
        "Global", "Cross-Team", "Product", "Operational", "Experimental", "Sustainable", "Accessible", "Cloud-Native", "Edge", "Federated",
        "Automated", "Inclusive", "Lean", "Resilient", "Frugal", "Remote-First", "Data-Driven", "Mobile", "Legacy", "Greenfield",
        "High-Availability", "Low-Latency", "Multi-Tenant", "Safety-Critical", "Customer-Facing", "Internal", "Hybrid", "Event-Scale",
    ];

    public static readonly string[] BehaviorTemplates =
    [
        "Explains the core ideas of {t} to a new teammate in plain language.",
        "Applies {t} practices on routine work without supervision.",
        "Chooses {t} techniques by weighing cost, risk and time explicitly.",
        "Reviews others' {t} work and gives specific, actionable feedback.",
        "Measures the effect of {t} changes and reports the results honestly.",
        "Spots {t} problems early and raises them with a proposed fix.",
        "Improves the team's shared {t} practices and writes them down.",
        "Teaches {t} through pairing, worked examples and short guides.",
        "Sets {t} standards that are adopted beyond their own team.",
        "Adapts {t} approaches to regulated or high-risk contexts.",
        "Plans {t} work in small, reversible steps with clear checkpoints.",
        "Uses {t} to remove a recurring source of rework or incidents.",
    ];

    public static readonly string[] BaselineSuffixes = ["Foundations", "Essentials", "Fundamentals", "Basics", "Starter"];
    public static readonly string[] CapabilitySuffixes = ["Practitioner", "Specialist", "in Practice", "Lead", "Professional"];
    public static readonly string[] DistinctionSuffixes = ["Distinction", "Expert", "Master Practitioner", "Fellow", "Principal"];

    public sealed record CriterionInfo(string Id, string Name, string Aspect);

    public static readonly CriterionInfo[] Criteria =
    [
        new("problem-framing", "Problem framing", "The framing of the problem and its constraints"),
        new("technical-depth", "Technical depth", "The use of {t} techniques"),
        new("trade-offs", "Trade-offs", "The comparison of alternatives against explicit criteria"),
        new("risk-handling", "Risk and failure handling", "The handling of risks and failure modes"),
        new("communication", "Communication", "The written and spoken explanation of the work"),
        new("outcomes", "Measurable outcomes", "The evidence of measurable outcomes"),
        new("collaboration", "Collaboration", "The work with teammates and stakeholders"),
        new("work-quality", "Quality of work", "The correctness and maintainability of the work"),
        new("automation", "Automation", "The automation of repeatable steps"),
        new("operability", "Operational readiness", "The readiness of the work to run in production"),
        new("security", "Security and privacy", "The protection of systems and data"),
        new("reflection", "Reflection", "The reflection on what worked and what to change"),
        new("stakeholders", "Stakeholder alignment", "The alignment with stakeholders' goals"),
        new("documentation", "Documentation", "The documentation of decisions and usage"),
        new("teaching", "Teaching others", "The sharing of the practice with others"),
    ];

    public static readonly string[][] DescriptorSets =
    [
        ["{A} is missing or unclear.", "{A} is present but incomplete.", "{A} is clear, complete and fits the context.", "{A} is exemplary and could serve as a reference for others."],
        ["{A} does not yet meet the basic expectations.", "{A} meets some expectations, with noticeable gaps.", "{A} meets every expectation for real work.", "{A} goes beyond expectations and anticipates future needs."],
        ["No convincing evidence of {a}.", "Some evidence of {a}, with guidance.", "Consistent evidence of {a}, done independently.", "Strong evidence of {a}; others adopt the approach."],
    ];

    /// <summary>Rubric level schemes: ids and names, low to high.</summary>
    public static readonly (string Id, string Name)[][] LevelSchemes =
    [
        [("not-yet", "Not yet"), ("developing", "Developing"), ("proficient", "Proficient"), ("exemplary", "Exemplary")],
        [("emerging", "Emerging"), ("developing", "Developing"), ("proficient", "Proficient"), ("exemplary", "Exemplary")],
        [("beginning", "Beginning"), ("approaching", "Approaching"), ("meets", "Meets expectations"), ("exceeds", "Exceeds expectations")],
    ];

    public static readonly string[] BaselineMethods = ["knowledge-exam", "work-sample", "peer-review", "supervisor-attestation", "scenario-simulation"];
    public static readonly string[] CapabilityMethods =
        ["work-sample", "proctored-performance-task", "scenario-simulation", "portfolio-review", "peer-review", "oral-defense", "capstone-project"];
    public static readonly string[] DistinctionMethods = ["capstone-project", "oral-defense", "portfolio-review", "proctored-performance-task", "scenario-simulation"];

    public static readonly string[] BaselineTypes = ["Badge", "Badge", "CertificateOfCompletion"];
    public static readonly string[] CapabilityTypes = ["MicroCredential", "MicroCredential", "Certificate"];
    public static readonly string[] DistinctionTypes = ["Certification", "Award", "Certificate"];

    public static readonly string[] Places =
    [
        "Cascadia", "Northwind", "Skylift", "Bluewater", "Redwood", "Granite", "Harbor", "Summit", "Lakeshore", "Prairie", "Ironwood",
        "Silverline", "Copperfield", "Evergreen", "Highland", "Riverside", "Stonebridge", "Westbrook", "Eastgate", "Brightwater", "Cedar",
        "Falcon", "Juniper", "Keystone", "Lighthouse", "Maple", "Northstar", "Oakridge", "Pinecrest", "Quarry", "Rainier", "Sierra",
        "Tidewater", "Upland", "Vantage", "Willow", "Aurora", "Beacon", "Coastal", "Driftwood",
    ];

    public static readonly string[] Fields = ["Cloud", "DevOps", "Data", "Security", "Software Architecture", "Agile", "Reliability", "Analytics", "Product"];

    public static readonly string[] InternalUnits = ["Platform Guild", "Data Office", "Security Office", "Consulting Practice", "Delivery Academy", "Architecture Board"];

    public static readonly string[] FirstNames =
    [
        "Jordan", "Priya", "Dana", "Alex", "Sam", "Morgan", "Taylor", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Noor", "Mateo", "Aiko",
        "Lena", "Tomás", "Fatima", "Kwame", "Ingrid", "Ravi", "Mei", "Oluwaseun", "Sofia", "Elias", "Hana", "Diego", "Amara", "Jonas",
        "Leila", "Marcus", "Yuki", "Chloé", "Arjun", "Zanele", "Pavel", "Isabel", "Kenji", "Aaliyah", "Bruno", "Camille", "Dmitri",
        "Esther", "Farid", "Grace", "Hugo", "Imani", "Joaquín", "Katarina", "Luca", "Maya", "Nikolai", "Olivia", "Rafael", "Sanjay",
        "Thandiwe", "Uma", "Victor", "Wen", "Ximena",
    ];

    public static readonly string[] LastNames =
    [
        "Lee", "Shah", "Ortiz", "Nguyen", "Okafor", "Lindqvist", "Kowalski", "Haddad", "Tanaka", "Fischer", "Mensah", "Rossi", "Dubois",
        "Novak", "Silva", "Kim", "Patel", "O'Brien", "Andersen", "García", "Mbeki", "Ivanova", "Chen", "Moreau", "Schmidt", "Yilmaz",
        "Kaur", "Costa", "Sato", "Walsh", "Abara", "Berg", "Castillo", "Dlamini", "Eriksen", "Fontaine", "Gupta", "Hoffmann", "Ito",
        "Jansen", "Kruger", "Larsen", "Martins", "Nakamura", "Oyelaran", "Petrov", "Quispe", "Reyes", "Sorensen", "Tran", "Usman",
        "Varga", "Weber", "Xu", "Yamamoto", "Zhou", "Acheampong", "Bianchi", "Cohen", "Duarte",
    ];

    public static readonly string[] ManagerRoles =
        ["Engineering Manager", "Director of Engineering", "Principal Engineer", "Product Director", "Client Partner", "Head of Data", "Staff Engineer"];

    public static readonly string[] ArtifactKinds =
        ["Design document", "Runbook", "Pull request series", "Decision record", "Workshop plan", "Dashboard", "Test plan", "Migration plan", "Postmortem", "Client proposal"];

    public static readonly string[] Projects =
    [
        "queue migration", "checkout redesign", "billing service split", "data lake consolidation", "login outage", "mobile release train",
        "partner API launch", "cloud cost review", "search relevance project", "onboarding revamp", "payments reconciliation", "fraud scoring rollout",
    ];

    public static readonly string[] Repos = ["platform", "checkout", "billing", "data-platform", "mobile", "identity", "search", "infra"];

    public sealed record MetricInfo(string Name, string Unit, double Before, double After, string Source);

    public static readonly MetricInfo[] Metrics =
    [
        new("deploy cycle time", "days", 12, 7, "Delivery dashboard"),
        new("p95 latency", "ms", 480, 210, "Service latency dashboard"),
        new("incidents", "per quarter", 9, 3, "Incident tracker"),
        new("test suite duration", "minutes", 38, 11, "CI analytics"),
        new("cloud spend", "USD per month", 42000, 31000, "FinOps report"),
        new("onboarding time", "days", 20, 9, "People analytics"),
        new("change failure rate", "%", 18, 7, "Delivery dashboard"),
        new("customer satisfaction", "CSAT", 3.9, 4.4, "Quarterly client survey"),
        new("escaped defects", "per release", 14, 5, "Quality report"),
        new("mean time to restore", "minutes", 95, 32, "Incident tracker"),
    ];

    public static readonly string[] Quotes =
    [
        "{n}'s work on this saved us a quarter of re-planning.",
        "The team still uses the approach {n} introduced here.",
        "{n} made a messy problem easy for everyone to reason about.",
        "We shipped on time because {n} spotted the risk early.",
        "Clients asked for {n} by name on the follow-up engagement.",
    ];
}
