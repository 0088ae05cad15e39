/// What a payment plan is asked to be: the debt it covers, an optional first payment and the number of
/// monthly instalments that pay the rest.
public struct PlanTerms: Sendable, Hashable {
    /// The open amount of the claims the plan covers, on the day it is made.
    public let debt: Money
    /// SE: the statutory plan fee added to the debt (nil: none).
    public let fee: Money?
    public let downPayment: Money?
    public let downPaymentDate: CivilDate?
    public let instalmentCount: Int
    public let firstInstalmentDate: CivilDate

    public init(
        debt: Money, fee: Money? = nil, downPayment: Money? = nil, downPaymentDate: CivilDate? = nil, instalmentCount: Int,
        firstInstalmentDate: CivilDate
    ) {
        self.debt = debt
        self.fee = fee
        self.downPayment = downPayment.flatMap { $0.isZero ? nil : $0 }
        self.downPaymentDate = self.downPayment == nil ? nil : downPaymentDate
        self.instalmentCount = instalmentCount
        self.firstInstalmentDate = firstInstalmentDate
    }

    /// The debt and the fee: what the plan's payments add up to.
    public var total: Money {
        Money(minorUnits: debt.minorUnits + (fee?.minorUnits ?? 0), currency: debt.currency)
    }
}

/// One payment a plan asks for: number 0 is the down payment, 1… the instalments.
public struct PlannedPayment: Sendable, Hashable {
    public let number: Int
    public let date: CivilDate
    public let amount: Money

    public init(number: Int, date: CivilDate, amount: Money) {
        self.number = number
        self.date = date
        self.amount = amount
    }
}

/// Why a plan cannot be made as asked.
public enum PlanRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case nothingOwed
    case instalmentCount(maximum: Int)
    case firstDateNotAhead
    case downPaymentTooLarge(total: Money)
    case downPaymentDate
    case currencyMismatch
    case tooLong(maximumMonths: Int)
    case instalmentTooSmall(minimum: Money)
    case plansNotOffered

    public var description: String {
        switch self {
        case .nothingOwed: "nothing is owed on these claims"
        case .instalmentCount(let maximum): "the number of instalments must be from 1 to \(maximum)"
        case .firstDateNotAhead: "the first instalment must fall after today"
        case .downPaymentTooLarge(let total): "the first payment must be less than the whole \(total)"
        case .downPaymentDate: "the first payment falls from today until the first instalment"
        case .currencyMismatch: "the amounts must be in the claims' currency"
        case .tooLong(let months): "the plan may run for at most \(months) months"
        case .instalmentTooSmall(let minimum): "each instalment must be at least \(minimum)"
        case .plansNotOffered: "this creditor does not offer payment plans on the debtor's page"
        }
    }
}

/// A plan's payments: the down payment, then equal monthly instalments in whole units of the currency,
/// the last one taking what rounding left over (so they add up to the total exactly).
public enum PlanSchedule {
    /// More than three years of instalments is not a plan but a loan.
    public static let maximumInstalments = 36

    public static func payments(_ terms: PlanTerms, today: CivilDate) throws(PlanRefusal) -> [PlannedPayment] {
        let currency = terms.debt.currency
        guard terms.fee.map({ $0.currency == currency }) ?? true, terms.downPayment.map({ $0.currency == currency }) ?? true
        else { throw .currencyMismatch }
        guard terms.debt.isPositive else { throw .nothingOwed }
        guard (1...maximumInstalments).contains(terms.instalmentCount) else { throw .instalmentCount(maximum: maximumInstalments) }
        guard terms.firstInstalmentDate > today else { throw .firstDateNotAhead }
        let total = terms.total.minorUnits
        var payments: [PlannedPayment] = []
        var rest = total
        if let down = terms.downPayment {
            guard down.isPositive, down.minorUnits < total else { throw .downPaymentTooLarge(total: terms.total) }
            guard let date = terms.downPaymentDate, date >= today, date <= terms.firstInstalmentDate else { throw .downPaymentDate }
            payments.append(PlannedPayment(number: 0, date: date, amount: down))
            rest -= down.minorUnits
        }
        let unit = Money.major(1, currency).minorUnits
        let count = Int64(terms.instalmentCount)
        let whole = (rest + count * unit - 1) / (count * unit) * unit
        // Whole units read better on a slip; tiny debts over many months cannot have them.
        let share = whole * (count - 1) < rest ? whole : rest / count
        for number in 1...terms.instalmentCount {
            let amount = number == terms.instalmentCount ? rest - share * (count - 1) : share
            payments.append(PlannedPayment(
                number: number, date: terms.firstInstalmentDate.adding(months: number - 1),
                amount: Money(minorUnits: amount, currency: currency)
            ))
        }
        guard payments.allSatisfy({ $0.amount.isPositive }) else { throw .instalmentCount(maximum: Int(rest)) }
        return payments
    }
}
