from enum import StrEnum


class DisputeReasonCode(StrEnum):
    AUTORESOLVED = "AutoResolved"
    BUYERADDITIONALEVIDENCESREQUIRED = "BuyerAdditionalEvidencesRequired"
    BUYERCANCELLED = "BuyerCancelled"
    CHARGEBACKFILED = "ChargebackFiled"
    INVESTIGATORRESOLVED = "InvestigatorResolved"
    MERCHANTACCEPTEDDISPUTE = "MerchantAcceptedDispute"
    MERCHANTADDITIONALEVIDENCESREQUIRED = "MerchantAdditionalEvidencesRequired"
    MERCHANTRESPONSEDEADLINEEXPIRED = "MerchantResponseDeadlineExpired"
    MERCHANTRESPONSEREQUIRED = "MerchantResponseRequired"

    def __str__(self) -> str:
        return str(self.value)
